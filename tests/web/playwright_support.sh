# Sourced by the browser tests: Debian's Chromium driven by npm's playwright-core, installed
# once into ${DELIBERATE_NPM_CACHE:-$HOME/.cache/deliberate-npm}; it uses the system's Chromium
# and downloads no browser. Gives `run_playwright SCRIPT ARGS...`.
cache="${DELIBERATE_NPM_CACHE:-$HOME/.cache/deliberate-npm}"
chromium=${DELIBERATE_CHROMIUM:-/usr/bin/chromium}
for tool in node npm; do
    command -v "$tool" >/dev/null || { echo "browser test: $tool is required" >&2; exit 2; }
done
[ -x "$chromium" ] || { echo "browser test: no Chromium at $chromium (apt-get install chromium)" >&2; exit 2; }
if [ ! -d "$cache/node_modules/playwright-core" ]; then
    echo "browser test: installing playwright-core into $cache"
    mkdir -p "$cache"
    [ -f "$cache/package.json" ] || echo '{"private": true}' >"$cache/package.json"
    (cd "$cache" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund \
        playwright-core@1 >/dev/null)
fi

run_playwright() {
    PLAYWRIGHT_CORE="$cache/node_modules/playwright-core" CHROMIUM="$chromium" node "$@"
}
