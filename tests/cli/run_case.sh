#!/usr/bin/env bash
# Golden test of the command line: runs `deliberate` with the arguments in CASE.cmd from
# inside tests/ (so paths in the output are short and stable) and compares stdout, stderr
# and the exit status with CASE.expected. DELIBERATE_UPDATE_EXPECTED=1 rewrites the file.
set -u
binary=$1
case_prefix=$2
tests_dir=$(cd "$(dirname "$0")/.." && pwd)
read -r -a args < "$case_prefix.cmd"
actual=$(
    cd "$tests_dir" || exit 99
    out=$(mktemp) err=$(mktemp)
    NO_COLOR=1 COLUMNS=100 "$binary" "${args[@]}" >"$out" 2>"$err" </dev/null
    status=$?
    cat "$out"
    printf -- '--- stderr ---\n'
    cat "$err"
    printf -- '--- exit %d ---\n' "$status"
    rm -f "$out" "$err"
)
if [ -n "${DELIBERATE_UPDATE_EXPECTED:-}" ]; then
    printf '%s\n' "$actual" > "$case_prefix.expected"
fi
if ! diff -u "$case_prefix.expected" <(printf '%s\n' "$actual"); then
    echo "FAIL: deliberate ${args[*]} (from tests/)" >&2
    exit 1
fi
