# A journal whose `language` is a path: ../../../../tmp/x/evil would have loaded
# /tmp/x/evil.json as the program's texts when the journal was exported or resumed. The
# language is checked before it names any file: the header is damaged, with its line.
mkdir -p x && printf '{"export.path": "OWNED"}' >x/evil.json
python3 reseal.py workshop.jsonl evil.jsonl "\"language\":\"en\"=>\"language\":\"../../../../$WORK/x/evil\""
"$DELIBERATE" journal check evil.jsonl
echo "exit $?"
"$DELIBERATE" journal export evil.jsonl --scenario full-featured.json --html - | grep -c OWNED
"$DELIBERATE" play full-featured.json --resume evil.jsonl </dev/null
echo "exit $?"
