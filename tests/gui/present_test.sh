#!/usr/bin/env bash
# GUI test of a workshop: the real program under Xvfb, driven with real key presses.
#  1. two windows (--windows 2): votes typed in, a "what if" factor change and a vote again,
#     the reveal, the audience view blanked, the branch, the ending, the export; then the
#     journal, the HTML and CSV summary and screenshots of both windows are checked;
#  2. one window: killed after the first vote and continued with --resume, C for the console;
#  3. the launcher's workshop mode: W, then a card's number presents that scenario; after a
#     restart, C in the launcher continues that workshop.
# Usage: present_test.sh DELIBERATE OUTPUT_DIR   (screenshots stay in OUTPUT_DIR/shots-*)
set -euo pipefail
binary=$1
out=$2
tests_dir=$(cd "$(dirname "$0")/.." && pwd)
source "$(dirname "$0")/gui_support.sh"
scenario=$tests_dir/data/valid/full-featured.json

journal_types() {  # the event types of journal $1, in order, on one line
    grep -o '"type":"[a-z]*"' "$1" | cut -d'"' -f4 | tr '\n' ' '
}

echo "== 1. a workshop with two windows"
start "$out/shots-two" present "$scenario" --lang en --windows 2 --group "Team A"
xdotool search --sync --onlyvisible --name 'audience$' >/dev/null ||
    fail "no audience window appeared"
focus audience                             # a clicker: keys into the projected window
shot                                       # the first scene
key Next                                   # PageDown: the case
key space                                  # the first vote
key 7
key Down
key 3
shot                                       # counts on the console, hidden from the room
focus console
for _ in 1 2 3 4 5 6 7 8; do key Right; done  # records the first vote; seven discussion steps
shot                                       # the final vote
key 4
key Down
key 6
key w                                      # what if: the amount is now high; the 4:6 stays
key 2                                      # with the old setting; a fresh count for the new
key Down
key 8
key Right                                  # records 2:8 and reveals
shot                                       # the reveal: both settings, first and final
key b
shot                                       # the audience view blanked
key period
key t                                      # the discussion timer starts
shot                                       # the reveal again, with the timer
key Right                                  # the majority's branch (report): the step after
key Right                                  # the scene after
shot                                       # a scene, the timer still running
key b
shot                                       # blanked again, on another slide
key b
key Right                                  # the ending
key Right                                  # its discussion questions
key Right                                  # the group's path
shot
key e                                      # export
key f                                      # the audience window goes fullscreen
shot
quit_app
# Blanked on two different slides, the audience view is the same picture: nothing of either.
blank_md5() { md5sum "$(find "$out/shots-two" -name "$1-audience-*.png")" | cut -d' ' -f1; }
[ "$(blank_md5 005)" = "$(blank_md5 008)" ] || fail "the blanked audience view shows something"
# Fullscreen: the audience window (1280x720) now fills the 1280x800 screen.
png_size() { od -An -tu1 -j16 -N8 "$1" | awk '{ print $3 * 256 + $4 "x" $7 * 256 + $8 }'; }
[ "$(png_size "$(find "$out/shots-two" -name '009-audience-*.png')")" = 1280x720 ] ||
    fail "the audience window did not open at 1280x720"
[ "$(png_size "$(find "$out/shots-two" -name '010-audience-*.png')")" = 1280x800 ] ||
    fail "F did not make the audience window fullscreen"
# That second blank picture has been compared; every other screenshot must differ.
rm "$(find "$out/shots-two" -name '008-audience-*.png')"
check_shots "$out/shots-two" console-present-scene audience-present-scene \
    console-present-first-vote audience-present-first-vote audience-present-final-vote \
    console-present-reveal audience-present-reveal audience-present-closing \
    audience-present-scene
journal=$(find "$data/sessions/full-featured" -name '*.jsonl')
[ "$(echo "$journal" | wc -l)" = 1 ] || fail "expected one workshop journal, found: $journal"
"$binary" journal check "$journal" >"$out/journal-check.txt" || fail "journal check: $(cat "$out/journal-check.txt")"
types=$(journal_types "$journal")
expected="header continue vote answer answer answer answer answer answer answer vote factor vote reveal choice answer continue end "
[ "$types" = "$expected" ] || fail "journal events: $types, expected: $expected"
grep -q '"mode":"workshop"' "$journal" || fail "the journal is not marked as a workshop"
grep -q '"group":"Team A"' "$journal" || fail "the group label is not recorded"
grep -q '"round":"first","counts":{"keep":7,"report":3},"factors":{"amount":"low"}' "$journal" ||
    fail "the first vote is not recorded as typed"
grep -q '"round":"final","counts":{"keep":4,"report":6},"factors":{"amount":"low"}' "$journal" ||
    fail "the final vote under the first setting is not recorded"
grep -q '"round":"final","counts":{"keep":2,"report":8},"factors":{"amount":"high"}' "$journal" ||
    fail "the vote after the factor change is not recorded under the new setting"
grep -q '"option":"report","reason":"majority"' "$journal" || fail "the branch and its reason are not recorded"
html=$data/exports/$(basename "${journal%.jsonl}").html
csv=${html%.html}.csv
[ -s "$html" ] && [ -s "$csv" ] || fail "the export wrote no $html and $csv"
grep -q '<svg' "$html" || fail "the HTML summary has no chart"
grep -q 'Team A' "$html" || fail "the HTML summary does not name the group"
grep -q '8 (80%)' "$html" || fail "the HTML summary lacks the final vote under the new setting"
grep -q '^parcel,What do you do?,Value: €25,first,keep,Keep,7,70,no,$' "$csv" || fail "CSV: the first vote"
grep -q '^parcel,What do you do?,Value: €250,final,report,Report,8,80,yes,majority$' "$csv" ||
    fail "CSV: the final vote under the new setting, taken as the branch"

echo "== 2. one window: killed after the first vote, continued with --resume"
rm -rf "$data/sessions/full-featured"
start "$out/shots-one" present "$scenario" --lang en --windows 1 --group "Team B"
key Right
key Right
key 5
key Right                                  # records the first vote; the first step
kill -9 "$app_pid"
wait "$app_pid" 2>/dev/null || true
app_pid=
start "$out/shots-one" present "$scenario" --lang en --windows 1 --group "Team B" --resume
shot                                       # the audience view, at the first step
key c
shot                                       # the console instead
key c
quit_app
check_shots "$out/shots-one" present-step
journal=$(find "$data/sessions/full-featured" -name '*.jsonl')
[ "$(echo "$journal" | wc -l)" = 1 ] || fail "--resume started a new journal: $journal"
grep -q '"counts":{"keep":5,"report":0}' "$journal" || fail "the vote before the kill was lost"
types=$(journal_types "$journal")
[ "$types" = "header continue vote " ] || fail "after the resume: $types"

echo "== 3. the launcher's workshop mode"
start "$out/shots-launcher"
key w
shot                                       # the launcher, in workshop mode
key 1
shot                                       # the first scenario, presented
quit_app
grep -l '"mode":"workshop"' "$data"/sessions/*/*.jsonl | grep -vq full-featured ||
    fail "presenting from the launcher recorded no workshop journal"
check_shots "$out/shots-launcher" launcher present-scene
start "$out/shots-continue"
shot                                       # the launcher, offering to continue it
key c                                      # continue the latest: that workshop
key Right                                  # and move it on: recorded in the same journal
shot
quit_app
check_shots "$out/shots-continue" launcher present-scene
journals=$(grep -l '"mode":"workshop"' "$data"/sessions/*/*.jsonl | grep -v full-featured)
[ "$(echo "$journals" | wc -l)" = 1 ] || fail "continuing from the launcher began another journal"
grep -q '"type":"continue"' "$journals" || fail "the continued workshop recorded nothing"
echo "GUI test passed; screenshots in $out"
