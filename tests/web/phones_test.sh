#!/usr/bin/env bash
# The participants' page in a real browser: Debian's Chromium driven by playwright-core as
# three phones (Dutch, English, a small touch screen) in a room served by the real server.
# Usage: phones_test.sh PHONE_ROOM WEB_ROOT OUTPUT_DIR   (screenshots in OUTPUT_DIR)
# Installs playwright-core once into ${DELIBERATE_NPM_CACHE:-$HOME/.cache/deliberate-npm};
# it uses the system's Chromium and downloads no browser.
set -euo pipefail
room=$1
web_root=$2
out=$3
cache="${DELIBERATE_NPM_CACHE:-$HOME/.cache/deliberate-npm}"
chromium=${DELIBERATE_CHROMIUM:-/usr/bin/chromium}
for tool in node npm; do
    command -v "$tool" >/dev/null || { echo "phones_test: $tool is required" >&2; exit 2; }
done
[ -x "$chromium" ] || { echo "phones_test: no Chromium at $chromium (apt-get install chromium)" >&2; exit 2; }
if [ ! -d "$cache/node_modules/playwright-core" ]; then
    echo "phones_test: installing playwright-core into $cache"
    mkdir -p "$cache"
    [ -f "$cache/package.json" ] || echo '{"private": true}' >"$cache/package.json"
    (cd "$cache" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund \
        playwright-core@1 >/dev/null)
fi
rm -rf "$out"
mkdir -p "$out"
PLAYWRIGHT_CORE="$cache/node_modules/playwright-core" CHROMIUM="$chromium" \
    node "$(dirname "$0")/phones_test.cjs" "$room" "$web_root" "$out"
