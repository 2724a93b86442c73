#!/usr/bin/env bash
# One attack from the hostile corpus: tests/data/hostile/NAME/ holds the files of the attack
# (scenarios, journals), `case.sh` that stages and runs it, and `expected`, what must come
# out. case.sh runs in a fresh scratch folder holding a copy of the case's files, with
# $DELIBERATE naming the program and $WORK the scratch folder; it prints what matters
# (output, exit statuses, what happened to files). The output is compared with `expected`,
# the scratch path shown as @WORK@. DELIBERATE_UPDATE_EXPECTED=1 rewrites the file.
set -u
binary=$1
case_dir=$2
work=$(mktemp -d)
trap 'chmod -R u+rwX "$work" 2>/dev/null; rm -rf "$work"' EXIT
cp -R "$case_dir/." "$work/"
rm -f "$work/expected"
actual=$(
    cd "$work" || exit 99
    env -u DISPLAY -u WAYLAND_DISPLAY NO_COLOR=1 COLUMNS=100 DELIBERATE="$binary" WORK="$work" \
        DELIBERATE_DATA="$work/data" XDG_CONFIG_HOME="$work/config" HOME="$work/home" \
        timeout 60 bash ./case.sh </dev/null 2>&1
    printf -- '--- case.sh exit %d ---\n' "$?"
)
actual=$(printf '%s\n' "$actual" | sed -e "s|$work|@WORK@|g" \
    -e 's|[0-9]\{8\}-[0-9]\{6\}-p-[0-9a-f]\{8\}|TIME-PARTICIPANT|g')
if [ -n "${DELIBERATE_UPDATE_EXPECTED:-}" ]; then
    printf '%s\n' "$actual" > "$case_dir/expected"
fi
if ! diff -u "$case_dir/expected" <(printf '%s\n' "$actual"); then
    echo "FAIL: hostile case $(basename "$case_dir")" >&2
    exit 1
fi
