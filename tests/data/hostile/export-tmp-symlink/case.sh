# OUT.tmp planted as a link to a file of the user's before an export: the export writes its
# own new temporary file and renames it, never writing through the link. The export is
# owner-only even under a permissive umask.
"$DELIBERATE" play gift.json --journal j.jsonl </dev/null >/dev/null
printf 'keep me\n' >target
ln -s target out.csv.tmp
ln -s target out.html.tmp
umask 000
"$DELIBERATE" journal export j.jsonl --csv out.csv --html out.html
echo "exit $?"
echo "target: $(cat target)"
stat -c '%A %n' out.csv out.html
ls
