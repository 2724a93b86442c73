#!/usr/bin/env bash
# GUI test of shared results in practice: a results folder with other people's extracts, a
# practice of tests/data/valid/full-featured.json to its summary, how others chose there (the
# folder's figures under the k rule), the question whether to share with the extract shown,
# and sharing with S: one new extract in the folder, without the typed text, and the choice
# kept in the settings. Then the Results screen from the menu (Esc, O): the folder's figures,
# the skipped files named, under the k rule. Last, the results folder typed in the menu (Esc,
# F): a folder that does not exist is said to be so, one that exists is saved in the settings
# and the Results screen reads it.
# Usage: results_test.sh DELIBERATE OUTPUT_DIR   (screenshots stay in OUTPUT_DIR/shots)
set -euo pipefail
binary=$1
out=$2
tests_dir=$(cd "$(dirname "$0")/.." && pwd)
source "$(dirname "$0")/gui_support.sh"

results=$out/results
mkdir -p "$results"
cp "$tests_dir"/data/results/r-*.result.json "$results/"
before=$(find "$results" -name '*.result.json' | wc -l)
export DELIBERATE_RESULTS=$results

scroll_down() {
    xdotool mousemove 640 400
    for _ in 1 2 3 4 5 6 7 8; do
        xdotool click 5
    done
    sleep "$delay"
}

echo "== practice to the summary, then share"
start "$out/shots" practice "$tests_dir/data/valid/full-featured.json" --lang en
key Return
key Return
type_text "A typed answer that must stay here"
key Return
key Return
key 2
key Return
key Return
key 1
key Return
key Return
key 1
key Return
type_text "The rules weigh most"
key Return
key 2
key Return
key 4
key Return
key Return
key Return                                 # the summary
scroll_down
shot                                       # how others chose, and the question
key w
scroll_down
shot                                       # the extract shown
key s
sleep 1
scroll_down
shot                                       # shared
quit_app
check_shots "$out/shots" summary
[ "$(find "$out/shots" -name '*-summary.png' | wc -l)" = 3 ] || fail "expected three summary screenshots"
after=$(find "$results" -name '*.result.json' | wc -l)
[ "$after" = $((before + 1)) ] || fail "expected one new extract in the results folder, found $((after - before))"
new=$(find "$results" -name '*.result.json' -newer "$out/shots" | head -n 1)
[ -n "$new" ] || new=$(ls -t "$results"/*.result.json | head -n 1)
grep -q '"mode":"practice"' "$new" || fail "the new extract is not a practice extract: $(cat "$new")"
if grep -q 'typed answer\|rules weigh' "$results"/*.result.json; then
    fail "typed text reached the results folder"
fi
grep -q '"share_results": "yes"' "$out/config/deliberate/settings.json" ||
    fail "the choice to share is not kept in the settings"
[ -z "$(ls -A "$out/data/outbox" 2>/dev/null)" ] || fail "the extract stayed in the outbox"
echo "== the Results screen"
cp "$tests_dir"/data/results/cut-off.result.json "$tests_dir"/data/results/desktop.ini "$results/"
start "$out/shots-screen"
key Escape
key o
sleep 1
shot                                       # the top: skipped files, reach
scroll_down
shot                                       # how people chose
key Return                                 # back to the library
shot
quit_app
check_shots "$out/shots-screen" results launcher
[ "$(find "$out/shots-screen" -name '*-results.png' | wc -l)" = 2 ] || fail "expected two screenshots of the Results screen"
echo "== the results folder typed in the menu"
unset DELIBERATE_RESULTS
start "$out/shots-menu"
key Escape
key f
type_text "$out/no-such-folder"
key Return
shot                                       # the menu: the folder does not exist
grep -q "\"results_folder\": \"$out/no-such-folder\"" "$out/config/deliberate/settings.json" ||
    fail "the typed results folder is not kept in the settings"
key f                                      # the field again, its text selected: typing replaces it
type_text "$results"
key Return
shot                                       # the menu: the folder can be written to
grep -q "\"results_folder\": \"$results\"" "$out/config/deliberate/settings.json" ||
    fail "the second results folder is not kept in the settings"
key o
sleep 1
shot                                       # the Results screen, from the folder set in the menu
key Return
quit_app
check_shots "$out/shots-menu" launcher results
[ "$(find "$out/shots-menu" -name '*-launcher.png' | wc -l)" = 2 ] || fail "expected two screenshots of the menu"
echo "GUI results test passed; screenshots in $out"
