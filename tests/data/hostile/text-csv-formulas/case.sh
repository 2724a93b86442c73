# Labels, a question, a factor and a choice's reason written as spreadsheet formulas
# (=HYPERLINK, =cmd|..., @SUM, +, -, a leading tab): the CSV export keeps every one as text.
# The file is read back as a spreadsheet reads it; no cell may start with a formula character.
python3 reseal.py workshop.jsonl forged.jsonl '"reason":"majority"=>"reason":"\t=HYPERLINK(\"http://evil.example\")"'
"$DELIBERATE" journal export forged.jsonl --scenario hostile.json --csv votes.csv
echo "exit $?"
cat votes.csv
python3 - <<'PY'
import csv
rows = list(csv.reader(open("votes.csv", newline="", encoding="utf-8")))
cells = [cell for row in rows for cell in row]
risky = [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
print("rows %d, cells %d, cells starting a formula: %d" % (len(rows), len(cells), len(risky)))
print("cells kept as text:", sorted({cell for cell in cells if cell.startswith("'")}))
PY
