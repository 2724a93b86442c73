# Simulated phones for the window tests: curl on 127.0.0.1 against the app's server, with the
# room code TST234 (the tests start the app with --phones-code TST234). Sourced after
# gui_support.sh; sets `port` and `base`, and expects `out` (replies go to $out/last-reply).
command -v curl >/dev/null || fail "curl is needed to play the phones"

# A free port: the kernel's pick for a socket we close at once.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port

phone_join() {  # prints a new device's token
    curl -s --max-time 5 -X POST -d '{"code":"tst-234"}' "$base/api/join" |
        sed -n 's/.*"token":"\([0-9a-f]*\)".*/\1/p'
}
phone_round() {  # phone_round TOKEN BEFORE [KIND]: the round open on the phones once it is no
    # longer BEFORE and asks KIND (choice by default; keys may still be on their way to the
    # app), as a phone's stream says
    local state round=0 kind=${3:-choice}
    for _ in $(seq 20); do
        state=$(curl -s -N --max-time 0.5 "$base/api/events?token=$1" 2>/dev/null || true)
        round=$(echo "$state" | sed -n 's/.*"round":\([0-9]*\).*/\1/p' | head -1)
        case $state in *"\"kind\":\"$kind\""*) ;; *) round=0 ;; esac
        [ "${round:-0}" != 0 ] && [ "$round" != "$2" ] && break
    done
    echo "${round:-0}"
}
phone_vote() {  # phone_vote TOKEN ROUND OPTION: prints the HTTP status
    curl -s --max-time 5 -o "$out/last-reply" -w '%{http_code}' -X POST \
        -d "{\"token\":\"$1\",\"round\":$2,\"picks\":[\"$3\"]}" "$base/api/ballot"
}
phone_text() {  # phone_text TOKEN ROUND TEXT (no quotes or backslashes): prints the HTTP status
    curl -s --max-time 5 -o "$out/last-reply" -w '%{http_code}' -X POST \
        -d "{\"token\":\"$1\",\"round\":$2,\"text\":\"$3\"}" "$base/api/ballot"
}
