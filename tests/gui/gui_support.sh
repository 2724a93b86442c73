# What the window tests share, sourced by them after setting `binary` and `out`: a display of
# their own under Xvfb, the app started with a data folder and screenshot folder, key presses
# with time to draw, screenshots with F12, and checks on the screenshots.
rm -rf "$out"
mkdir -p "$out"

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

# A display of our own; -displayfd picks a free number.
exec 3< <(exec Xvfb -displayfd 1 -screen 0 1280x800x24 -nolisten tcp 2>"$out/xvfb.log")
xvfb_pid=$!
read -r -t 20 number <&3 || fail "Xvfb did not start (see $out/xvfb.log)"
export DISPLAY=:$number
app_pid=
cleanup() {
    [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
    kill "$xvfb_pid" 2>/dev/null || true
}
trap cleanup EXIT

export XDG_CONFIG_HOME=$out/config
export SDL_AUDIODRIVER=dummy
data=$out/data

# Starts the app with the given arguments and waits for its window.
start() {
    local shots=$1
    shift
    "$binary" --data "$data" --screenshot-dir "$shots" "$@" >"$out/app.log" 2>&1 &
    app_pid=$!
    xdotool search --sync --onlyvisible --name '^Deliberate$' >/dev/null 2>&1 ||
        fail "no window appeared (see $out/app.log)"
    sleep 1
}

# One key, then time for the app to draw the result (longer for slow builds, such as one
# with sanitizers: DELIBERATE_GUI_KEY_DELAY).
delay=${DELIBERATE_GUI_KEY_DELAY:-0.35}
focus() {  # keys go to the window with the input focus: `focus console` or `focus audience`
    local name='^Deliberate$'
    [ "$1" = audience ] && name='audience$'
    local id
    id=$(xdotool search --sync --onlyvisible --name "$name" | head -1)
    xdotool windowfocus --sync "$id"
    sleep "$delay"
}

key() {
    xdotool key "$1"
    sleep "$delay"
}

type_text() {
    xdotool type --delay 20 "$1"
    sleep "$delay"
}

shot() {
    key F12
}

quit_app() {
    key Escape
    key q
    wait "$app_pid" || fail "the app exited with $?"
    app_pid=
}

check_shots() {  # check_shots DIR NAME...: each NAME has a screenshot, all different
    local dir=$1
    shift
    for name in "$@"; do
        compgen -G "$dir/*-$name.png" >/dev/null || fail "no screenshot of the $name screen in $dir"
    done
    local files unique
    files=$(find "$dir" -name '*.png' | wc -l)
    unique=$(find "$dir" -name '*.png' -exec md5sum {} + | cut -d' ' -f1 | sort -u | wc -l)
    [ "$files" = "$unique" ] || fail "identical screenshots in $dir: the screens did not change"
}

