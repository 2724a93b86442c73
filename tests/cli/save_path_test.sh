#!/usr/bin/env bash
# `deliberate play --save-path` then `deliberate test`: a path played in the terminal is saved
# beside a copy of a scenario, passes as it is, and fails once the option it took is renamed.
# Usage: tests/cli/save_path_test.sh DELIBERATE TESTS_DIR
set -u
deliberate=$1
tests_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$tests_dir/data/valid/minimal.json" "$work/" && cp -r "$tests_dir/data/valid/models" "$work/"
fail() { echo "FAIL: $*" >&2; exit 1; }

printf '\nWhat may I accept?\n2\n' |
    DELIBERATE_DATA=$work/data "$deliberate" play "$work/minimal.json" --save-path returned \
        >"$work/play.out" 2>&1 || fail "play: $(cat "$work/play.out")"
grep -q "Path saved in $work/minimal.paths/returned.json" "$work/play.out" ||
    fail "no saved path reported: $(cat "$work/play.out")"
grep -q '"ending": "end"' "$work/minimal.paths/returned.json" || fail "the path has no ending"

"$deliberate" test "$work/minimal.json" >"$work/test.out" 2>&1 || fail "test: $(cat "$work/test.out")"
grep -q "ok    returned.json: reaches \`end\`" "$work/test.out" || fail "$(cat "$work/test.out")"

sed -i 's/"id": "return"/"id": "give-back"/' "$work/minimal.json"
"$deliberate" test "$work/minimal.json" >"$work/test.out" 2>&1
[ $? -eq 1 ] || fail "a broken path must exit 1: $(cat "$work/test.out")"
grep -q "broken at action 3 (at \`choose\`): \`choose\` has no option \`return\` any more" \
    "$work/test.out" || fail "$(cat "$work/test.out")"

"$deliberate" play "$work/minimal.json" --save-path ../out </dev/null >"$work/bad.out" 2>&1
[ $? -eq 2 ] || fail "a name with a slash must be refused"
echo "ok: play --save-path, test passing, test failing on a renamed option"
