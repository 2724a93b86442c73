#!/usr/bin/env bash
# The participants' page in a real browser: Debian's Chromium driven by playwright-core as
# three phones (Dutch, English, a small touch screen) in a room served by the real server.
# Usage: phones_test.sh PHONE_ROOM WEB_ROOT OUTPUT_DIR   (screenshots in OUTPUT_DIR)
set -euo pipefail
room=$1
web_root=$2
out=$3
source "$(dirname "$0")/playwright_support.sh"
rm -rf "$out"
mkdir -p "$out"
run_playwright "$(dirname "$0")/phones_test.cjs" "$room" "$web_root" "$out"
