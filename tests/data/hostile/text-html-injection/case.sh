# A journal forged to put script into the exported page: through the header's `language`
# (written into <html lang="...">), and through the group, a note and a choice's reason. A
# forged language makes the header damaged and the export is refused; the free-text fields
# are escaped. The page must hold no <script and no element that was not the program's.
python3 reseal.py workshop.jsonl lang.jsonl \
    '"language":"en"=>"language":"en\"><script>alert(document.cookie)</script><x a=\""'
"$DELIBERATE" journal check lang.jsonl
echo "exit $?"
"$DELIBERATE" journal export lang.jsonl --scenario full-featured.json --html lang.html
echo "exit $?"
test -e lang.html && echo "lang.html written" || echo "lang.html not written"
python3 reseal.py workshop.jsonl text.jsonl \
    '"group":"Team A"=>"group":"<img src=x onerror=alert(1)>"' \
    '"text":"reported it"=>"text":"</li></ul><script>alert(2)</script>"' \
    '"reason":"majority"=>"reason":"\"><svg onload=alert(3)>"'
"$DELIBERATE" journal export text.jsonl --scenario full-featured.json --html text.html
echo "exit $?"
echo "<script in page: $(grep -c '<script' text.html)"
echo "<img in page: $(grep -c '<img' text.html)"
echo "<svg onload in page: $(grep -c '<svg onload' text.html)"
grep -n 'lang=\|alert' text.html
# Written to a terminal (- for standard output), the page shows a note's escapes visibly;
# piped on, it is byte for byte the file.
python3 reseal.py workshop.jsonl esc.jsonl '"text":"reported it"=>"text":"\u001b]52;c;ZWNobyBvd25lZA==\u0007\u001b[2K\rdone"'
script -qc "\"$DELIBERATE\" journal export esc.jsonl --scenario full-featured.json --html -" /dev/null \
    | tr -d '\r' >tty.html
echo "raw escape bytes on a terminal: $(LC_ALL=C tr -cd '\033' <tty.html | wc -c)"
grep -a 'done</li>' tty.html
"$DELIBERATE" journal export esc.jsonl --scenario full-featured.json --html - >piped.html
echo "raw escape bytes piped: $(LC_ALL=C tr -cd '\033' <piped.html | wc -c)"
