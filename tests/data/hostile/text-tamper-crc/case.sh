# A journal whose answer is edited and whose CRC is recomputed: the CRC is for torn writes,
# so journal check cannot tell, and says so in its help; the edit is not detected.
python3 reseal.py workshop.jsonl edited.jsonl '"Weighing: the rules count most"=>"Weighing: keeping it is fine"'
"$DELIBERATE" journal check edited.jsonl | head -1
echo "exit ${PIPESTATUS[0]}"
"$DELIBERATE" journal check --help | grep -A1 'not tampering'
