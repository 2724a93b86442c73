#!/usr/bin/env bash
# GUI test of a workshop with phones: `present --phones` under Xvfb, driven by key presses,
# while simulated phones (curl on 127.0.0.1) join with the room code and vote. Checks that
# the phones' votes add to the hand count in the journal (with their part recorded as such
# and nothing that identifies a phone), and screenshots of the join card and the reveal.
# Usage: present_phones_test.sh DELIBERATE OUTPUT_DIR   (screenshots in OUTPUT_DIR/shots)
set -euo pipefail
binary=$1
out=$2
tests_dir=$(cd "$(dirname "$0")/.." && pwd)
source "$(dirname "$0")/gui_support.sh"
scenario=$tests_dir/data/valid/full-featured.json
source "$(dirname "$0")/phone_support.sh"

start "$out/shots" present "$scenario" --lang en --windows 2 --phones --bind 127.0.0.1 \
    --port "$port" --phones-code TST234
xdotool search --sync --onlyvisible --name 'audience$' >/dev/null || fail "no audience window"
focus audience
shot                                       # the join card, large on the first slide
a=$(phone_join)
b=$(phone_join)
c=$(phone_join)
[ -n "$a" ] && [ -n "$b" ] && [ -n "$c" ] || fail "phones could not join with the room code"
[ "$(curl -s -o /dev/null -w '%{http_code}' -X POST -d '{"code":"WRONG9"}' "$base/api/join")" = 403 ] ||
    fail "a wrong room code was let in"
key Next                                   # the case
key space                                  # the first vote
round=$(phone_round "$a" 0)
if [ "$round" = 0 ]; then
    shot
    fail "no round on the phones at the first vote: $(curl -s -N --max-time 1 "$base/api/events?token=$a" || true)"
fi
[ "$(phone_vote "$a" "$round" keep)" = 200 ] || fail "a phone's first vote was refused"
[ "$(phone_vote "$b" "$round" keep)" = 200 ] || fail "a phone's first vote was refused"
[ "$(phone_vote "$c" "$round" report)" = 200 ] || fail "a phone's first vote was refused"
[ "$(phone_vote "$c" "$round" keep)" = 200 ] || fail "a phone could not change its vote"
key Down
key 2                                      # two hands for "report"
focus console
shot                                       # the console: hand count and 3 phones answered
# Records the first vote, then the discussion steps to the final vote, which the phones
# show as a fresh vote (a key lost on a busy machine is pressed again).
first_round=$round
for _ in $(seq 12); do
    key Right
    state=$(curl -s -N --max-time 0.5 "$base/api/events?token=$a" 2>/dev/null || true)
    round=$(echo "$state" | sed -n 's/.*"round":\([0-9]*\).*/\1/p' | head -1)
    case $state in *'"kind":"choice"'*) [ "$round" != "$first_round" ] && break ;; esac
done
round=$(phone_round "$a" "$first_round")
if [ "$round" = 0 ] || [ "$round" = "$first_round" ]; then
    shot
    fail "no round on the phones at the final vote: $(curl -s -N --max-time 1 "$base/api/events?token=$a" || true)"
fi
[ "$(phone_vote "$a" "$round" report)" = 200 ] || fail "a phone's final vote was refused"
[ "$(phone_vote "$b" "$round" report)" = 200 ] || fail "a phone's final vote was refused"
key 1                                      # one hand for "keep"
key Right                                  # records the final vote and reveals
[ "$(phone_vote "$c" "$round" keep)" = 409 ] || fail "a vote after the reveal was taken"
sleep 0.5
focus audience
shot                                       # the reveal: hands and phones together
state=$(curl -s -N --max-time 1 "$base/api/events?token=$a" || true)
echo "$state" | grep -q '"revealed":true' || fail "the phones were not shown the reveal: $state"
focus console
quit_app

journal=$(find "$data/sessions" -name '*.jsonl' | head -1)
[ -n "$journal" ] || fail "no journal"
votes=$(grep '"type":"vote"' "$journal")
echo "$votes" | grep -q '"round":"first","counts":{"keep":3,"report":2},"phones":{"keep":3,"report":0}' ||
    fail "the first vote is not hands + phones: $votes"
echo "$votes" | grep -q '"round":"final","counts":{"keep":1,"report":2},"phones":{"keep":0,"report":2}' ||
    fail "the final vote is not hands + phones: $votes"
for token in "$a" "$b" "$c"; do
    ! grep -rq "$token" "$data" || fail "a device token was written to the data folder"
done
! grep -q '127.0.0.1' "$journal" || fail "an address was written to the journal"
check_shots "$out/shots" audience-present-scene console-present-first-vote audience-present-reveal
echo "present with phones: ok (screenshots in $out/shots)"
