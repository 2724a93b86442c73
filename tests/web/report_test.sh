#!/usr/bin/env bash
# The coordinator's report in a real browser: `deliberate report` over the test results folder
# (valid extracts, and files that are not), in Dutch and in English, opened from disk in
# Debian's Chromium (playwright-core): it loads nothing from anywhere, runs no script, shows
# its figures and skipped files, draws its charts, prints, and is photographed.
# Usage: report_test.sh DELIBERATE TEST_DATA OUTPUT_DIR   (screenshots and PDFs in OUTPUT_DIR)
set -euo pipefail
binary=$1
data=$2
out=$3
source "$(dirname "$0")/playwright_support.sh"
rm -rf "$out"
mkdir -p "$out"
for lang in nl en; do
    "$binary" report --results "$data/results" --scenarios "$data/valid" --data "$out/data" \
        --no-cache --lang "$lang" --html "$out/report-$lang.html" >"$out/report-$lang.log" 2>&1 ||
        { cat "$out/report-$lang.log" >&2; exit 1; }
done
run_playwright "$(dirname "$0")/report_test.cjs" "$out"
