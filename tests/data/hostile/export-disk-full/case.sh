# The disk fills up while an export is written (a file size limit makes write() fail with
# EFBIG, even for root): the export fails, says so, and leaves no partial file behind.
note=$(printf 'n%.0s' $(seq 3000))
printf '\n:note %s\n' "$note" | "$DELIBERATE" play gift.json --journal j.jsonl >/dev/null
printf 'the earlier export\n' >out.html
(
    trap '' XFSZ
    ulimit -f 1
    "$DELIBERATE" journal export j.jsonl --html out.html
    echo "exit $?"
)
echo "out.html: $(cat out.html)"
ls
