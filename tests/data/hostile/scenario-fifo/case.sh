# A journal whose header names a FIFO as its scenario, and a journal that is itself a FIFO:
# reading either must be refused at once rather than wait for a writer forever.
"$DELIBERATE" play gift.json --journal j.jsonl </dev/null >/dev/null
mv gift.json gift.json.away
mkfifo gift.json
"$DELIBERATE" journal export j.jsonl --csv out.csv
echo "exit $?"
"$DELIBERATE" play --resume j.jsonl </dev/null
echo "exit $?"
mkfifo pipe.jsonl
"$DELIBERATE" journal check pipe.jsonl
echo "exit $?"
"$DELIBERATE" play --resume pipe.jsonl </dev/null
echo "exit $?"
"$DELIBERATE" validate gift.json
echo "exit $?"
ls
