# Scenario and journal text that tries to steer the terminal: OSC 52 (clipboard), OSC 0
# (window title), ESC[2K with a carriage return (overwriting a line with a fake "All answers
# saved"), a C1 CSI, bidi overrides and DEL. Every command shows them as visible escapes; the
# count of raw ESC and 0x9B bytes in what reaches the terminal must be 0.
raw() { LC_ALL=C tr -cd '\033\233' | wc -c; }
run() {
    "$DELIBERATE" "$@" >out.txt 2>&1
    echo "exit $?"
    cat out.txt
    echo "raw escape bytes: $(raw <out.txt)"
}
echo "== validate: the escapes are errors (T003), quoted visibly"
run validate escapes.json
echo "== validate --format json"
"$DELIBERATE" validate --format json escapes.json 2>/dev/null | grep '"message"'
echo "raw escape bytes: $("$DELIBERATE" validate --format json escapes.json 2>/dev/null | raw)"
echo "== validate: bidi override and DEL are warnings (W010)"
run validate hidden.json
echo "== play: the texts shown with their escapes visible"
printf 'Ask the team\n' | "$DELIBERATE" play hidden.json --journal play.jsonl >out.txt 2>&1
echo "exit $?"
head -8 out.txt
echo "raw escape bytes: $(raw <out.txt)"
echo "== graph (DOT and Mermaid): entities, not control characters"
run graph hidden.json
run graph hidden.json --format mermaid
echo "== journal check: a forged event type and a file name with escapes"
python3 reseal.py journal.jsonl forged.jsonl \
    '"type":"note"=>"type":"\u001b]52;c;ZWNobyBvd25lZA==\u0007\u001b[2K\rAll answers saved"'
cp forged.jsonl "$(printf 'title\033]0;owned\007.jsonl')"
run journal check forged.jsonl
run journal check "$(printf 'title\033]0;owned\007.jsonl')"
