# Folders for session records are owner-only from the moment they exist, even under umask
# 000, and a data folder that others can write in is warned about.
umask 000
"$DELIBERATE" play gift.json </dev/null >/dev/null
echo "exit $?"
stat -c '%a %n' data data/sessions data/sessions/minimal data/sessions/minimal/*.jsonl
chmod 777 data
"$DELIBERATE" play gift.json </dev/null 2>&1 >/dev/null
echo "exit $?"
