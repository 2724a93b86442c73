#!/usr/bin/env bash
# Runs a fuzzer for N seconds from a corpus seeded with every file matching PATTERN (default
# *.json) in tests/data, the shipped scenarios and tests/cli/data. A crash leaves its input
# in the build folder and fails the run. Usage: run.sh FUZZER [SECONDS] [PATTERN]
set -euo pipefail
fuzzer=$1
seconds=${2:-30}
pattern=${3:-*.json}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(dirname "$fuzzer")/fuzz-work-$(basename "$fuzzer")
mkdir -p "$work/corpus" "$work/seeds"
find "$root/tests/data" "$root/scenarios" "$root/tests/cli/data" -name "$pattern" -size -64k \
    -exec cp -t "$work/seeds" {} + 2>/dev/null || true
# Name seeds by content so the same file is not copied twice.
for f in "$work/seeds"/*; do
    named=$work/seeds/$(sha1sum "$f" | cut -c1-16)
    [ "$f" = "$named" ] || mv "$f" "$named"
done
"$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$work/" "$work/corpus" "$work/seeds" 2>"$work/log" || {
    tail -60 "$work/log" >&2
    echo "FAIL: the fuzzer found a problem; its input is in $work/" >&2
    exit 1
}
grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|Done [0-9]+ runs" "$work/log" || true
echo "fuzzing: no crash, leak or timeout in ${seconds} s"
