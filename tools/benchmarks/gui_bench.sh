#!/usr/bin/env bash
# The desktop app's frugality, measured under Xvfb with Mesa's software OpenGL:
#  - idle: CPU used over 10 s on a practice step where nothing happens (percent of one core,
#    from /proc/PID/stat), beside the same app drawing every frame (--redraw-always);
#  - first frame: from the start of the program to its first frame on screen;
#  - typing: CPU time per frame drawn while text is typed into the step at 12 keys a second;
#  - present: a workshop with two windows (audience view and trainer console) idle on a vote,
#    then with the discussion timer running (one redraw a second), beside --redraw-always.
# Prints a table and one JSON line. Targets: idle under 2% of a core (both windows together
# when presenting), first frame under 500 ms.
# Usage: gui_bench.sh DELIBERATE WORKDIR
set -euo pipefail
binary=$1
work=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$work"

source "$(dirname "$0")/display_support.sh"

report_field() {  # report_field FILE NAME: a number from the app's bench report
    sed -n "s/.*\"$2\":\([0-9.e+-]*\).*/\1/p" "$1"
}

# Starts the app (practice or present, with its arguments) on the scenario and waits for its
# first frame.
launch() {
    local report=$1 command=$2
    shift 2
    rm -f "$report"
    "$binary" "$command" "$root/scenarios/new-years-concert.json" --lang en \
        --data "$work/data" --bench-report "$report" "$@" >"$work/app.log" 2>&1 &
    app=$!
    for _ in $(seq 100); do
        [ -s "$report" ] && break
        sleep 0.1
    done
    [ -s "$report" ] || { echo "bench: the app drew no frame (see $work/app.log)" >&2; exit 1; }
    xdotool search --sync --onlyvisible --name '^Deliberate$' >/dev/null
}

# Practice, on the first step of the scenario: a text field.
start_app() {
    launch "$1" practice "${@:2}"
    xdotool key Return
    sleep 2
}

# A workshop in two windows, on the first vote with counts typed in.
start_present() {
    launch "$1" present --windows 2 "${@:2}"
    xdotool search --sync --onlyvisible --name 'audience$' >/dev/null
    for key in Next Next Next 1 2; do
        xdotool key "$key"
        sleep 0.3
    done
    sleep 2
}

idle_percent() {  # CPU of the app over 10 s, as a percentage of one core
    local before after
    before=$(cpu_ticks "$app")
    sleep 10
    after=$(cpu_ticks "$app")
    awk -v b="$before" -v a="$after" -v t="$ticks" 'BEGIN { printf "%.2f", (a - b) / t / 10 * 100 }'
}

stop_app() {
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
    app=
}

echo "== gui: the practice screen under Xvfb (software OpenGL)"
start_app "$work/report.json"
first_frame_ms=$(report_field "$work/report.json" first_frame_ms)
idle=$(idle_percent)
# Typing: frames and CPU from the app's own report, which it rewrites at most once a second.
sleep 1.2
frames_before=$(report_field "$work/report.json" frames)
cpu_before=$(report_field "$work/report.json" cpu_ms)
xdotool type --delay 80 "Is it acceptable for Sanne to accept the tickets while she assesses the claims?"
sleep 1.5
frames_after=$(report_field "$work/report.json" frames)
cpu_after=$(report_field "$work/report.json" cpu_ms)
stop_app
frame_cpu_ms=$(awk -v c0="$cpu_before" -v c1="$cpu_after" -v f0="$frames_before" -v f1="$frames_after" \
    'BEGIN { printf "%.2f", (f1 > f0) ? (c1 - c0) / (f1 - f0) : 0 }')
typed_frames=$((frames_after - frames_before))

start_app "$work/report-busy.json" --redraw-always
busy=$(idle_percent)
stop_app

start_present "$work/report-present.json"
present_idle=$(idle_percent)
xdotool key t  # the discussion timer: the audience view redraws each second
sleep 1
present_timer=$(idle_percent)
stop_app
start_present "$work/report-present-busy.json" --redraw-always
present_busy=$(idle_percent)
stop_app

printf '  idle, waiting for events   %8s %% of a core   (target < 2%%)\n' "$idle"
printf '  idle, drawing every frame  %8s %% of a core   (the same app with --redraw-always)\n' "$busy"
printf '  first frame                %8.0f ms            (target < 500 ms)\n' "$first_frame_ms"
printf '  typing                     %8s ms CPU a frame (%d frames for 80 keys)\n' "$frame_cpu_ms" "$typed_frames"
echo "== gui: a workshop, audience view and trainer console in two windows"
printf '  idle, both windows         %8s %% of a core   (target < 2%%)\n' "$present_idle"
printf '  timer running, both        %8s %% of a core   (one redraw a second)\n' "$present_timer"
printf '  both drawing every frame   %8s %% of a core   (the same with --redraw-always)\n' "$present_busy"
printf '{"idle_cpu_pct":%s,"busy_loop_cpu_pct":%s,"first_frame_ms":%.1f,"frame_cpu_ms":%s,"present_idle_cpu_pct":%s,"present_timer_cpu_pct":%s,"present_busy_cpu_pct":%s}\n' \
    "$idle" "$busy" "$first_frame_ms" "$frame_cpu_ms" "$present_idle" "$present_timer" "$present_busy"
