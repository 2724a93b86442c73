# Vote counts no hand count can enter: 2^32-1 printed as -1 and 0%, 2^64-1 the same. A count
# outside 0..9999 makes its line damaged, reported with the line; the export is refused.
python3 reseal.py workshop.jsonl big.jsonl '"counts":{"keep":7,"report":5}=>"counts":{"keep":4294967295,"report":5}'
python3 reseal.py workshop.jsonl huge.jsonl '"counts":{"keep":3,"report":9}=>"counts":{"keep":3,"report":18446744073709551615}'
python3 reseal.py workshop.jsonl most.jsonl '"counts":{"keep":7,"report":5}=>"counts":{"keep":9999,"report":9999}'
for journal in big huge most; do
    "$DELIBERATE" journal check $journal.jsonl | head -2
    "$DELIBERATE" journal export $journal.jsonl --scenario full-featured.json --csv -
    echo "exit $?"
done
