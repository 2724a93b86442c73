#!/usr/bin/env bash
# GUI test of the desktop app: starts the real program under Xvfb (Mesa's software OpenGL),
# drives it with real key presses (xdotool), and checks what it recorded and what it showed.
#  1. the launcher: a screenshot, then practice of a shipped scenario opened with a digit key;
#  2. practice of tests/data/valid/full-featured.json from the first scene to the summary,
#     with a screenshot of each screen; its journal must hold exactly the expected events;
#  3. a practice killed with SIGKILL half-way and continued from the launcher with C.
# Usage: practice_test.sh DELIBERATE OUTPUT_DIR   (screenshots stay in OUTPUT_DIR/shots-*)
set -euo pipefail
binary=$1
out=$2
tests_dir=$(cd "$(dirname "$0")/.." && pwd)
source "$(dirname "$0")/gui_support.sh"

echo "== 1. launcher"
start "$out/shots-launcher"
shot
key 3
shot
quit_app
check_shots "$out/shots-launcher" launcher scene
[ "$(find "$data/sessions" -name '*.jsonl' | wc -l)" = 1 ] || fail "practice from the launcher recorded no journal"

echo "== 2. practice, every kind of step"
start "$out/shots-practice" practice "$tests_dir/data/valid/full-featured.json" --lang en
shot                                       # the first scene
key Return
shot                                       # step 1, info
key Return
type_text "Is it acceptable to keep a gift from a supplier?"
key Return                                 # the text step, confirmed with Enter
shot                                       # its feedback
key Return
key 2                                      # who: the team only
key Return
shot                                       # feedback: the supplier was missed
key Return
key 1                                      # facts: the value
key Return
key Down                                   # rank: move honesty below loyalty
key Return
key 1                                      # checks: the newspaper test, yes
key Return
type_text "The rules weigh most"
key Return
key Return                                 # Enter with no option selected: a message
shot                                       # the choice, with the message
key 2
key Return                                 # report (no feedback for it)
key 4
key Return                                 # feeling: 4
key Return                                 # the scene after
shot                                       # the ending
key Return
shot                                       # the summary
quit_app
check_shots "$out/shots-practice" scene step feedback choice ending summary
journal=$(find "$data/sessions/full-featured" -name '*.jsonl')
[ "$(echo "$journal" | wc -l)" = 1 ] || fail "expected one full-featured journal, found: $journal"
"$binary" journal check "$journal" >"$out/journal-check.txt" || fail "journal check: $(cat "$out/journal-check.txt")"
grep -o '"type":"[a-z]*"' "$journal" | cut -d'"' -f4 | tr '\n' ' ' >"$out/types.txt"
expected="header continue answer answer answer answer answer answer answer choice answer continue end "
[ "$(cat "$out/types.txt")" = "$expected" ] || fail "journal events: $(cat "$out/types.txt"), expected: $expected"
grep -q '"mode":"practice"' "$journal" || fail "the journal is not marked as practice"
grep -q '"step":"who","picks":\["team"\]' "$journal" || fail "the multiselect answer is not recorded"
grep -q '"step":"order","picks":\["loyalty","honesty"\]' "$journal" || fail "the ranking is not recorded"
grep -q '"step":"tests","picks":\["newspaper"\]' "$journal" || fail "the checks answer is not recorded"
grep -q '"option":"report"' "$journal" || fail "the choice is not recorded"
grep -q '"scale":4' "$journal" || fail "the scale answer is not recorded"
[ "$(stat -c %a "$journal")" = 600 ] || fail "the journal is not owner-only"

echo "== 3. killed half-way, continued from the launcher"
rm -rf "$data/sessions/full-featured"
start "$out/shots-resume" practice "$tests_dir/data/valid/full-featured.json" --lang en
key Return
key Return
type_text "Killed after this answer"
key Return
kill -9 "$app_pid"
wait "$app_pid" 2>/dev/null || true
app_pid=
start "$out/shots-resume"
shot                                       # the launcher, offering to continue
key c
shot                                       # back at the feedback of the text step
key Return
shot                                       # the next step: who
quit_app
journal=$(find "$data/sessions/full-featured" -name '*.jsonl')
"$binary" journal check "$journal" >/dev/null || fail "the killed journal is damaged"
grep -q 'Killed after this answer' "$journal" || fail "the answer before the kill was lost"
check_shots "$out/shots-resume" launcher step
echo "GUI test passed; screenshots in $out"
