#!/usr/bin/env bash
# The authoring studio's speed, under Xvfb with Mesa's software OpenGL:
#  - reload: from a save (a new file renamed over the scenario, as editors save) to the frame
#    that shows the new version, for every shipped scenario (the worst of 5 saves each) and
#    for the 10,000-node benchmark scenario; read from the studio's state file, which holds
#    the wall-clock time of the frame drawn after the reload;
#  - idle: CPU used over 10 s while the studio watches a file and nothing happens (percent of
#    one core, from /proc/PID/stat);
#  - map: milliseconds per frame while the 10,000-node map is panned every frame: the app's
#    CPU time per frame (map_frame_ms_10k) and the wall time (map_frame_wall_ms_10k).
# Prints a table and one JSON line. Targets: reload within 100 ms for every shipped scenario
# and 1 s for 10,000 nodes, idle under 1% of a core, a map frame within 33 ms.
# Usage: studio_bench.sh DELIBERATE DELIBERATE_BENCH WORKDIR
set -euo pipefail
binary=$1
bench=$2
work=$3
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$work"

source "$(dirname "$0")/display_support.sh"

# Opens the studio on FILE with a state file and waits for its first frame.
open_studio() {  # open_studio FILE [OPTIONS...]
    local file=$1
    shift
    rm -f "$work/state.txt"
    "$binary" studio "$file" --data "$work/data" --state-file "$work/state.txt" "$@" \
        >"$work/app.log" 2>&1 &
    app=$!
    for _ in $(seq 600); do
        grep -q "^walk=done" "$work/state.txt" 2>/dev/null && return 0
        sleep 0.05
    done
    echo "bench: the studio did not show $file (see $work/app.log)" >&2
    exit 1
}

close_studio() {
    kill "$app"
    wait "$app" 2>/dev/null || true
    app=
}

# Saves FILE SAVES times (the scenario's title changed each time) and prints the slowest
# save-to-screen time in ms.
slowest_reload() {  # slowest_reload FILE SAVES
    python3 - "$1" "$2" "$work/state.txt" <<'PY'
import os, sys, time
path, saves, state = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def read_state():
    try:
        return dict(l.split("=", 1) for l in open(state, encoding="utf-8").read().splitlines() if "=" in l)
    except OSError:
        return {}
original = open(path, encoding="utf-8").read()
worst = 0.0
for n in range(saves):
    before = int(read_state().get("reloads", "0"))
    text = original + " " * (n + 1)  # a change the loader must read through
    open(path + ".new", "w", encoding="utf-8").write(text)
    saved = time.time() * 1000
    os.rename(path + ".new", path)
    for _ in range(2000):
        now = read_state()
        if int(now.get("reloads", "0")) > before:
            worst = max(worst, float(now["drawn_at_ms"]) - saved)
            break
        time.sleep(0.002)
    else:
        sys.exit("no reload seen for " + path)
    time.sleep(0.2)
print(f"{worst:.1f}")
PY
}

printf '%-34s %10s\n' "scenario" "reload ms"
shipped_max=0
for scenario in "$root"/scenarios/*.json; do
    [ "$(basename "$scenario")" = values.json ] && continue
    mkdir -p "$work/shipped"
    copy=$work/shipped/$(basename "$scenario")
    cp "$scenario" "$copy"
    open_studio "$copy"
    ms=$(slowest_reload "$copy" 5)
    close_studio
    printf '%-34s %10s\n' "$(basename "$scenario")" "$ms"
    shipped_max=$(python3 -c "print(max($shipped_max, $ms))")
done

big=$("$bench" write 10000 "$work/big")
open_studio "$big"
reload_10k=$(slowest_reload "$big" 3)
printf '%-34s %10s\n' "10,000 nodes" "$reload_10k"

# Idle while watching: nothing happens for 10 s, once the last save's walk is done.
for _ in $(seq 600); do
    grep -q "^walk=done" "$work/state.txt" && break
    sleep 0.05
done
sleep 1
before=$(cpu_ticks "$app")
sleep 10
after=$(cpu_ticks "$app")
idle=$(python3 -c "print(round(($after - $before) * 100 / $ticks / 10, 2))")
close_studio
printf '%-34s %10s\n' "idle while watching, % of a core" "$idle"

# The map panned every frame, over 5 s: the CPU time the app spends per frame (its drawing
# and Mesa's software rendering, from the bench report), the wall time per frame (which on a
# busy machine also counts other processes' turns), and the map's own part of the frame.
open_studio "$big" --pan-map --bench-report "$work/report.json"
sleep 2
field() { sed "s/.*\"$1\":\([0-9.]*\).*/\1/" "$work/report.json"; }
f1=$(field frames)
c1=$(field cpu_ms)
t1=$(date +%s%N)
sleep 5
f2=$(field frames)
c2=$(field cpu_ms)
t2=$(date +%s%N)
map_draw=$(sed -n 's/^map_draw_ms=//p' "$work/state.txt")
close_studio
map_ms=$(python3 -c "print(round(($c2 - $c1) / max($f2 - $f1, 1), 1))")
map_wall=$(python3 -c "print(round(($t2 - $t1) / 1e6 / max($f2 - $f1, 1), 1))")
printf '%-34s %10s\n' "map frame, 10,000 nodes, CPU ms" "$map_ms"
printf '%-34s %10s\n' "map frame, 10,000 nodes, wall ms" "$map_wall"
printf '%-34s %10s\n' "  of which the map's drawing, ms" "$map_draw"

echo "{\"reload_ms_shipped_max\":$shipped_max,\"reload_ms_10k\":$reload_10k,\"idle_cpu_pct\":$idle,\"map_frame_ms_10k\":$map_ms,\"map_frame_wall_ms_10k\":$map_wall}"
