# Two sessions resuming one journal at once: the second must be refused while the first is
# still recording, and the journal must stay whole.
"$DELIBERATE" play gift.json --journal j.jsonl </dev/null >/dev/null
mkfifo input
"$DELIBERATE" play --resume j.jsonl <input >first.out 2>&1 &
first=$!
exec 3>input
for _ in $(seq 100); do grep -q '^> ' first.out && break; sleep 0.1; done
before=$(sha1sum <j.jsonl)
echo "second:"
"$DELIBERATE" play --resume j.jsonl </dev/null
echo "exit $?"
[ "$(sha1sum <j.jsonl)" = "$before" ] && echo "journal unchanged by the second"
echo "new journal on the same name:"
"$DELIBERATE" play gift.json --journal j.jsonl </dev/null
echo "exit $?"
printf '\n' >&3
exec 3>&-
wait "$first"
echo "first: exit $?"
tail -2 first.out
"$DELIBERATE" journal check j.jsonl | grep -E 'intact|damaged|events'
