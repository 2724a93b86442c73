# An export that names its own journal, another journal or the scenario as output must not
# replace it.
"$DELIBERATE" play gift.json --journal j.jsonl </dev/null >/dev/null
"$DELIBERATE" play gift.json --journal other.jsonl </dev/null >/dev/null
before=$(sha1sum j.jsonl other.jsonl gift.json)
"$DELIBERATE" journal export j.jsonl --csv j.jsonl
echo "exit $?"
mkdir sub
"$DELIBERATE" journal export j.jsonl --html sub/../j.jsonl
echo "exit $?"
ln -s j.jsonl alias.jsonl
"$DELIBERATE" journal export alias.jsonl --csv j.jsonl
echo "exit $?"
"$DELIBERATE" journal export j.jsonl --csv other.jsonl
echo "exit $?"
"$DELIBERATE" journal export j.jsonl --html gift.json
echo "exit $?"
"$DELIBERATE" journal export j.jsonl --html same.out --csv ./same.out
echo "exit $?"
[ "$(sha1sum j.jsonl other.jsonl gift.json)" = "$before" ] && echo "journals and scenario unchanged" || echo "CHANGED"
"$DELIBERATE" journal check j.jsonl other.jsonl | tail -1
ls
