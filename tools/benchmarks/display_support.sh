# Sourced by the benchmarks that measure the desktop app: starts Xvfb (Mesa's software
# OpenGL draws into it) and points the app at it, with its settings under $work/config and
# no sound device. `app` holds the app's process id; the app and Xvfb are stopped on exit.
# Expects `work`; gives `ticks` (clock ticks a second) and cpu_ticks.
exec 3< <(exec Xvfb -displayfd 1 -screen 0 1280x800x24 -nolisten tcp 2>"$work/xvfb.log")
xvfb_pid=$!
read -r -t 20 number <&3 || { echo "bench: Xvfb did not start" >&2; exit 1; }
export DISPLAY=:$number
export XDG_CONFIG_HOME=$work/config SDL_AUDIODRIVER=dummy
app=
trap '[ -n "$app" ] && kill "$app" 2>/dev/null; kill "$xvfb_pid" 2>/dev/null' EXIT
ticks=$(getconf CLK_TCK)

cpu_ticks() {  # utime + stime of a process, in clock ticks (fields 14 and 15 of its stat)
    sed 's/^.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'
}
