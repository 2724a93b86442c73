#!/usr/bin/env bash
# The authoring studio under Xvfb: a save by rename shows the new text within a second and
# keeps the place; a broken save shows its diagnostics while the last good version keeps
# playing; the fix clears them; a click on the map plays from that node with a factor set in
# the panel; a path played to an ending is saved as a test that `deliberate test` passes; the
# library's "Write scenarios" creates a new scenario that validates cleanly.
# The studio writes what it shows to a state file (--state-file) that is checked
# here; the screenshots are kept for people to look at.
# Usage: studio_test.sh DELIBERATE OUT_DIR
set -euo pipefail
binary=$1
out=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
source "$(dirname "$0")/gui_support.sh"

work=$out/scenario
mkdir -p "$work"
cp "$root/scenarios/the-wind-memo.json" "$work/s.json"
state=$out/state.txt
shots=$out/shots

# Writes the file as editors do: a new file beside it, renamed over it.
save_as() {  # save_as PYTHON_EXPRESSION_OVER_s
    python3 - "$work/s.json" "$1" <<'PY'
import os, sys
path, expression = sys.argv[1], sys.argv[2]
s = open(path, encoding="utf-8").read()
s = eval(expression)
open(path + ".new", "w", encoding="utf-8").write(s)
os.rename(path + ".new", path)
PY
}

# Waits up to a second for the state file to hold a line matching $1.
within_a_second() {
    for _ in $(seq 20); do
        grep -q -- "$1" "$state" 2>/dev/null && return 0
        sleep 0.05
    done
    fail "not shown within a second: $1 (state: $(cat "$state"))"
}

# A press and a release that land in one frame are no click to Dear ImGui 1.86, and a slow
# (sanitizer) build draws few frames: hold the button down across frames.
click() {  # click X Y
    xdotool mousemove "$1" "$2"
    sleep 0.2
    xdotool mousedown 1
    sleep 0.2
    xdotool mouseup 1
}

# Clicks wait for the frames that draw what they land on; a slow (sanitizer) build needs
# longer for that than for a reload, which is what the one-second limit is about.
shown_after_clicks() {
    for _ in $(seq 100); do
        grep -q -- "$1" "$state" 2>/dev/null && return 0
        sleep 0.05
    done
    fail "not shown within five seconds: $1 (state: $(cat "$state"))"
}

echo "== 1. open, then play on to the dilemma"
start "$shots" studio "$work/s.json" --state-file "$state"
within_a_second "^node=intro$"
shot
key Return
within_a_second "^node=the-question$"

echo "== 2. a save by rename: the new text, in the same place"
save_as 's.replace("Zaterdagavond 4 maart", "Zondagmiddag 5 maart", 1)'
within_a_second "^text=Zondagmiddag 5 maart"
grep -q "^node=the-question$" "$state" || fail "the place was lost: $(grep node= "$state")"
sleep "$delay"
shot

echo "== 3. a broken save: diagnostics, the last good version still playing"
cp "$work/s.json" "$out/good.json"
save_as 's.replace("\"next\": \"the-leak\"", "\"next\": \"nowhere\"", 1)'
within_a_second "^diagnostic=R001 [0-9]*:[0-9]* "
grep -q "^text=Zondagmiddag 5 maart" "$state" || fail "the last good version stopped playing"
sleep "$delay"
shot
save_as 's[: len(s) // 2]'
within_a_second "^diagnostic=S001 "
sleep "$delay"
shot

echo "== 4. fixed: the diagnostics are gone"
save_as "open('$out/good.json', encoding='utf-8').read()"
for _ in $(seq 20); do
    grep -q "^diagnostic=" "$state" || break
    sleep 0.05
done
! grep -q "^diagnostic=" "$state" || fail "diagnostics stayed after the fix: $(grep diagnostic= "$state")"

echo "== 5. a factor set in the panel, then play from a node on the map"
click 1030 290                        # the factor's list
sleep "$delay"
click 1030 370                        # its second value
sleep "$delay"
click 156 93                          # the map
sleep "$delay"
shot
sleep "$delay"                        # the map drawn before its node is clicked
click 400 182                         # the dilemma's node
shown_after_clicks "^factor.asker=journalist$"
shown_after_clicks "^text=.*Mirjam de Boer"
grep -q "^node=the-question$" "$state" || fail "did not play from the clicked node"
sleep "$delay"
shot
quit_app

echo "== 6. played to an ending, the path saved as a test that deliberate test passes"
cp "$root/tests/data/valid/minimal.json" "$work/"
cp -r "$root/tests/data/valid/models" "$work/"
rm -f "$state"
start "$out/shots-path" studio "$work/minimal.json" --state-file "$state"
within_a_second "^node=start$"
key Return
type_text "Is it a gift?"
key Return
key 1
within_a_second "^node=end$"
xdotool mousemove 129 293 mousedown 1 sleep 0.1 mouseup 1   # "save this path as a test"
within_a_second "^path_message=.*minimal.paths/ending-end.json"
shot
quit_app
"$binary" test "$work/minimal.json" >"$out/test.txt" || fail "deliberate test: $(cat "$out/test.txt")"
grep -q "1 passed, 0 failed" "$out/test.txt" || fail "the saved path did not pass: $(cat "$out/test.txt")"

echo "== 7. the library's Write scenarios: a new scenario from the template, valid at once"
start "$out/shots-new"
shot
click() {  # click X Y: a press and release slow enough to land in a frame each
    xdotool mousemove "$1" "$2" mousedown 1 sleep 0.1 mouseup 1
    sleep "$delay"
}
click 1040 125                              # the third mode
shot
click 343 481                               # create and open
shot
quit_app
check_shots "$out/shots-new" launcher studio-start studio-preview
"$binary" validate "$data/scenarios/my-scenario.json" >"$out/new.txt" 2>&1 ||
    fail "the new scenario does not validate: $(cat "$out/new.txt")"
grep -q "0 errors, 0 warnings" "$out/new.txt" || fail "the new scenario has warnings: $(cat "$out/new.txt")"

check_shots "$shots" studio-preview studio-diagnostics studio-map
echo "studio: ok"
