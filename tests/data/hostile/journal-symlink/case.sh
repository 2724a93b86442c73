# A journal that is a symbolic link: resuming would append to whatever file it names, so it
# is refused, and the file behind it stays as it was.
mkdir elsewhere
"$DELIBERATE" play gift.json --journal elsewhere/real.jsonl </dev/null >/dev/null
ln -s elsewhere/real.jsonl j.jsonl
before=$(sha1sum <elsewhere/real.jsonl)
"$DELIBERATE" play --resume j.jsonl </dev/null
echo "exit $?"
[ "$(sha1sum <elsewhere/real.jsonl)" = "$before" ] && echo "real.jsonl unchanged" || echo "real.jsonl CHANGED"
