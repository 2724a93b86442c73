#!/usr/bin/env bash
# The phones in the room, measured on loopback with simulated phones (our own client):
#  - against the phones' server with a console thread that reads the tally on every change,
#    as the trainer console does: a burst of joins, each vote until the console sees it (p99),
#    the reveal until every phone has it (p99);
#  - against the desktop app itself (deliberate present --phones under Xvfb, two windows): the
#    burst of joins, then the app's CPU over 10 s while every phone is connected and nothing
#    happens, and its memory per connected phone.
# For 300 phones (the targets: all joined within 2 s, vote p99 within 100 ms, reveal p99
# within 500 ms, idle under 2% of a core, under 100 KB a phone) and 1,000 (reported). One JSON
# line each: phones, join_s, vote_p99_ms, reveal_p99_ms and server_idle_cpu_pct from the
# server, idle_cpu_pct and kb_per_phone from the app.
# Usage: phones_bench.sh DELIBERATE DELIBERATE_PHONE_BENCH WORKDIR
set -euo pipefail
binary=$1
bench=$2
work=$3
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$work"
source "$(dirname "$0")/display_support.sh"

field() {  # field JSON NAME
    echo "$1" | sed -n "s/.*\"$2\":\([0-9.e+-]*\).*/\1/p"
}

for phones in 300 1000; do
    echo "== phones: $phones simulated phones on the loopback network"
    server=$("$bench" "$phones" "$root/assets/web")
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    rm -f "$work/report.json"
    "$binary" present "$root/scenarios/new-years-concert.json" --lang en --windows 2 \
        --data "$work/data" --bench-report "$work/report.json" --phones --bind 127.0.0.1 \
        --port "$port" --phones-code BENCH1 >"$work/app.log" 2>&1 &
    app=$!
    for _ in $(seq 100); do
        [ -s "$work/report.json" ] && break
        sleep 0.1
    done
    [ -s "$work/report.json" ] || { echo "bench: the app drew no frame (see $work/app.log)" >&2; exit 1; }
    sleep 1
    in_app=$("$bench" --app "$app" "$port" BENCH1 "$phones")
    kill "$app"
    wait "$app" 2>/dev/null || true
    app=
    printf '  joined (app)        %8s s      (target <= 2 s at 300)\n' "$(field "$in_app" join_s)"
    printf '  vote, p99           %8s ms     (target <= 100 ms)\n' "$(field "$server" vote_p99_ms)"
    printf '  reveal, p99         %8s ms     (target <= 500 ms)\n' "$(field "$server" reveal_p99_ms)"
    printf '  app idle            %8s %% of a core (target < 2%%; the server alone: %s %%)\n' \
        "$(field "$in_app" app_idle_cpu_pct)" "$(field "$server" idle_cpu_pct)"
    printf '  app memory a phone  %8s KB     (target < 100 KB; the server alone: %s KB)\n' \
        "$(field "$in_app" app_kb_per_phone)" "$(field "$server" kb_per_phone)"
    printf '{"phones":%s,"join_s":%s,"vote_p99_ms":%s,"reveal_p99_ms":%s,"idle_cpu_pct":%s,"kb_per_phone":%s,"server_join_s":%s,"server_idle_cpu_pct":%s}\n' \
        "$phones" "$(field "$in_app" join_s)" "$(field "$server" vote_p99_ms)" \
        "$(field "$server" reveal_p99_ms)" "$(field "$in_app" app_idle_cpu_pct)" \
        "$(field "$in_app" app_kb_per_phone)" "$(field "$server" join_s)" \
        "$(field "$server" idle_cpu_pct)"
done
