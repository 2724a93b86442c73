#!/usr/bin/env bash
# GUI test of an own case: the real program under Xvfb, driven with real key presses. With
# two windows, the facilitator types the case on the console (title, case, question, two
# options), goes through the dilemma method's steps typing the group's answers at some,
# counts the first and final vote, and exports the record and a scenario draft at the end.
# With phones: a simulated phone (curl on 127.0.0.1) votes, which adds to the hands, and types
# an answer at a step that reaches the room only once the facilitator accepts it (A).
# Then the journal, the record and the draft are checked, and screenshots of both windows.
# Usage: case_test.sh DELIBERATE OUTPUT_DIR   (screenshots stay in OUTPUT_DIR/shots)
set -euo pipefail
binary=$1
out=$2
source "$(dirname "$0")/gui_support.sh"
source "$(dirname "$0")/phone_support.sh"

start "$out/shots" present --case --lang en --windows 2 --phones --bind 127.0.0.1 --port "$port" \
    --phones-code TST234
xdotool search --sync --onlyvisible --name 'audience$' >/dev/null || fail "no audience window appeared"
focus console
shot                                       # the empty case: the reminder to leave names out
type_text "Overtime on the ward"
key Return                                 # the title, shown to the room
type_text "A colleague writes down hours she did not work."
key Return                                 # the case
type_text "Report it or talk first?"
key Return
type_text "Report"
key Return
type_text "Talk first"
key Return
shot                                       # the case as confirmed, on both screens
key Next                                   # the first vote: a clicker works while typing
phone=$(phone_join)
[ -n "$phone" ] || fail "a phone could not join the case"
round=$(phone_round "$phone" 0)
[ "$round" != 0 ] || fail "no vote on the phones at the first vote"
[ "$(phone_vote "$phone" "$round" o1)" = 200 ] || fail "the phone's vote was refused: $(cat "$out/last-reply")"
key 3
key Down
key 5
shot
key Right                                  # records 3+1:5; the introduction
key Right                                  # the case step
text_round=$(phone_round "$phone" "$round" text)
[ "$text_round" != 0 ] || fail "no question on the phones at the case step"
[ "$(phone_text "$phone" "$text_round" "The night shift <i>knows</i>")" = 200 ] ||
    fail "the phone's answer was refused: $(cat "$out/last-reply")"
sleep 1
shot                                       # the phone's answer waits on the console
key a                                      # accepted: recorded and shown to the room
key Return
type_text "It is Friday evening <b>late</b>"
key Return
shot                                       # an answer on the projector
for _ in 1 2 3 4 5 6 7; do key Next; done  # to the final vote: PageDown, even while typing
key 2
key Down
key 6
shot
for _ in 1 2 3 4 5 6; do key Next; done    # records 2:6; the last steps; past the end is no move
shot                                       # the closing slide: both votes
key e                                      # export the record from the console
quit_app

journal=$(find "$data/sessions/own-case" -name '*.jsonl')
[ "$(echo "$journal" | wc -l)" = 1 ] || fail "expected one case journal, found: $journal"
"$binary" journal check "$journal" >"$out/journal-check.txt" || fail "journal check: $(cat "$out/journal-check.txt")"
grep -q '"mode":"case"' "$journal" || fail "the journal is not marked as a case"
grep -q '"part":"title","text":"Overtime on the ward"' "$journal" || fail "the title is not recorded"
grep -q '"part":"option","option":"o2","text":"Talk first"' "$journal" || fail "the options are not recorded"
grep -q '"round":"first","counts":{"o1":4,"o2":5},"phones":{"o1":1,"o2":0}' "$journal" ||
    fail "the first vote is not recorded as typed plus the phone's"
grep -q '"round":"final","counts":{"o1":2,"o2":6}' "$journal" || fail "the final vote is not recorded as typed"
grep -q '"type":"contribution","node":"case","step":"case","text":"It is Friday evening <b>late</b>"' "$journal" ||
    fail "the answer is not recorded"
grep -q '"type":"contribution","node":"case","step":"case","text":"The night shift <i>knows</i>","source":"phones"' "$journal" ||
    fail "the phone's accepted answer is not recorded as from phones"
grep -q "$phone" "$journal" && fail "the journal holds the phone's token"
exported=$data/exports/$(basename "${journal%.jsonl}")
[ -s "$exported.html" ] && [ -s "$exported.md" ] || fail "E wrote no record in $data/exports"
[ "$(stat -c %a "$exported.html")" = 600 ] || fail "the record is not owner-only"
"$binary" journal export "$journal" --html "$out/record.html" --md "$out/record.md" ||
    fail "the record could not be exported"
grep -q 'It is Friday evening &lt;b&gt;late&lt;/b&gt;' "$out/record.html" || fail "the record lacks the answer, escaped"
grep -q 'The night shift &lt;i&gt;knows&lt;/i&gt;' "$out/record.html" || fail "the record lacks the phone's answer"
grep -q '<svg' "$out/record.html" || fail "the record has no chart"
grep -q -- '- Talk first: 6 (75%)' "$out/record.md" || fail "the Markdown record lacks the final vote"
check_shots "$out/shots" console-case-case audience-case-case console-case-first-vote \
    audience-case-step:case audience-case-final-vote audience-case-closing
echo "PASS"
