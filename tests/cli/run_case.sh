#!/usr/bin/env bash
# Golden test of the command line: runs `deliberate` with the arguments in CASE.cmd from
# inside tests/ (so paths in the output are short and stable) and compares stdout, stderr
# and the exit status with CASE.expected. DELIBERATE_UPDATE_EXPECTED=1 rewrites the file.
# CASE.stdin, when present, is fed on standard input (else /dev/null). Each case gets a fresh
# data folder: `@DATA@` in CASE.cmd names it, and the output shows it as `@DATA@`, with the
# time and participant id in journal names shown as `TIME-PARTICIPANT`, and a results
# extract's random id as `r-ID`. The third argument
# says whether the program was built with the desktop app (gui) or without (nogui); a case
# whose output differs has CASE.nogui.expected for the latter. No display is ever used.
set -u
binary=$1
case_prefix=$2
build=${3:-gui}
expected=$case_prefix.expected
[ "$build" = nogui ] && [ -f "$case_prefix.nogui.expected" ] && expected=$case_prefix.nogui.expected
tests_dir=$(cd "$(dirname "$0")/.." && pwd)
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
read -r -a args < "$case_prefix.cmd"
args=("${args[@]//@DATA@/$data}")
input=/dev/null
[ -f "$case_prefix.stdin" ] && input=$case_prefix.stdin
actual=$(
    cd "$tests_dir" || exit 99
    out=$(mktemp) err=$(mktemp)
    env -u DISPLAY -u WAYLAND_DISPLAY NO_COLOR=1 COLUMNS=100 DELIBERATE_DATA=$data \
        XDG_CONFIG_HOME=$data/config "$binary" "${args[@]}" >"$out" 2>"$err" <"$input"
    status=$?
    cat "$out"
    printf -- '--- stderr ---\n'
    cat "$err"
    printf -- '--- exit %d ---\n' "$status"
    rm -f "$out" "$err"
)
actual=$(printf '%s\n' "$actual" | sed -e "s|$data|@DATA@|g" \
    -e 's|[0-9]\{8\}-[0-9]\{6\}-p-[0-9a-f]\{8\}|TIME-PARTICIPANT|g' \
    -e 's|r-[0-9a-f]\{32\}|r-ID|g')
if [ -n "${DELIBERATE_UPDATE_EXPECTED:-}" ]; then
    printf '%s\n' "$actual" > "$expected"
fi
if ! diff -u "$expected" <(printf '%s\n' "$actual"); then
    echo "FAIL: deliberate ${args[*]} (from tests/)" >&2
    exit 1
fi
