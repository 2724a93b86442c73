# A journal with a torn end, and FILE.cut planted as a link to a file of the user's (here
# bashrc): resuming must not append the torn bytes through the link.
"$DELIBERATE" play gift.json --journal j.jsonl </dev/null >/dev/null
printf '{"seq":1,"time":"2026-11-29T12:00:00.000Z","type":"cont' >>j.jsonl
printf 'export PATH=/usr/bin\n' >bashrc
ln -s bashrc j.jsonl.cut
before_journal=$(sha1sum <j.jsonl) before_target=$(sha1sum <bashrc)
"$DELIBERATE" play --resume j.jsonl </dev/null
echo "exit $?"
[ "$(sha1sum <bashrc)" = "$before_target" ] && echo "bashrc unchanged" || echo "bashrc CHANGED"
[ "$(sha1sum <j.jsonl)" = "$before_journal" ] && echo "journal unchanged" || echo "journal CHANGED"
[ -L j.jsonl.cut ] && echo "j.jsonl.cut is still the link"
