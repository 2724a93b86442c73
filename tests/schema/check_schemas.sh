#!/usr/bin/env bash
# Validates every shipped scenario, model, value and organisation file under scenarios/
# against the JSON Schemas in scenarios/schema/, and proves the schemas reject deliberately
# broken documents.
#
# Usage: tests/schema/check_schemas.sh [REPO_ROOT]
# Needs node and npm; installs ajv-cli and ajv-formats once into
# ${DELIBERATE_NPM_CACHE:-$HOME/.cache/deliberate-npm}. Exits non-zero on any failure.
set -euo pipefail

root="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
root="$(cd "$root" && pwd)"
schema_dir="$root/scenarios/schema"
cache="${DELIBERATE_NPM_CACHE:-$HOME/.cache/deliberate-npm}"
ajv="$cache/node_modules/.bin/ajv"

for tool in node npm; do
  command -v "$tool" >/dev/null || { echo "check_schemas: $tool is required" >&2; exit 2; }
done
for kind in scenario model values organisation result path; do
  [[ -f "$schema_dir/$kind.schema.json" ]] || { echo "check_schemas: missing $schema_dir/$kind.schema.json" >&2; exit 2; }
done

if [[ ! -x "$ajv" || ! -d "$cache/node_modules/ajv-formats" ]]; then
  echo "check_schemas: installing ajv-cli and ajv-formats into $cache"
  mkdir -p "$cache"
  # npm would otherwise look for a package.json in a parent folder and install there.
  [[ -f "$cache/package.json" ]] || echo '{"private": true}' > "$cache/package.json"
  (cd "$cache" && npm install --no-audit --no-fund ajv-cli@5 ajv-formats@2 >/dev/null)
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# validate KIND FILE: 0 if FILE is valid against scenarios/schema/KIND.schema.json.
# ajv's messages go to $tmp/last.log.
validate() {
  "$ajv" validate --spec=draft2020 --strict=false -c ajv-formats \
    -s "$schema_dir/$1.schema.json" -d "$2" --errors=text >"$tmp/last.log" 2>&1
}

failures=0

# --- 1. The schemas themselves: valid draft 2020-12, and documented for editors. ---------
for kind in scenario model values organisation result path; do
  if "$ajv" compile --spec=draft2020 --strict=false -c ajv-formats \
      -s "$schema_dir/$kind.schema.json" >"$tmp/last.log" 2>&1; then
    echo "ok    schema   scenarios/schema/$kind.schema.json"
  else
    echo "FAIL  schema   scenarios/schema/$kind.schema.json"; sed 's/^/      /' "$tmp/last.log"
    failures=$((failures + 1))
  fi
done

# Every property needs a description (editors show it as help), and the value ids the
# scenario schema suggests must be exactly the catalogue's.
if ! node - "$schema_dir" "$root/scenarios/values.json" <<'EOF'
const fs = require("fs");
const path = require("path");
const [dir, catalogue] = process.argv.slice(2);
let problems = 0;
function walk(node, where, file) {
  if (Array.isArray(node)) { node.forEach((v, i) => walk(v, `${where}/${i}`, file)); return; }
  if (node === null || typeof node !== "object") return;
  if (node.properties && typeof node.properties === "object") {
    for (const [name, sub] of Object.entries(node.properties)) {
      const isSchemaObject = sub !== null && typeof sub === "object";
      const conditional = /\/(if|then|else|contains)(\/|$)/.test(`${where}/`);
      if (isSchemaObject && !conditional && typeof sub.description !== "string") {
        console.log(`FAIL  lint     ${file}: ${where}/properties/${name} has no description`);
        problems++;
      }
    }
  }
  for (const [key, value] of Object.entries(node)) walk(value, `${where}/${key}`, file);
}
for (const kind of ["scenario", "model", "values", "organisation", "result", "path"]) {
  const file = `${kind}.schema.json`;
  walk(JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")), "#", file);
}
if (fs.existsSync(catalogue)) {
  const suggested = JSON.parse(fs.readFileSync(path.join(dir, "scenario.schema.json"), "utf8"))
    .$defs.valueId.examples || [];
  const ids = JSON.parse(fs.readFileSync(catalogue, "utf8")).values.map(v => v.id);
  if (JSON.stringify(suggested) !== JSON.stringify(ids)) {
    console.log("FAIL  lint     scenario.schema.json: $defs/valueId/examples differ from the ids in scenarios/values.json");
    problems++;
  }
}
if (problems === 0) console.log("ok    lint     descriptions on every property; value id suggestions match values.json");
process.exit(problems === 0 ? 0 : 1);
EOF
then
  failures=$((failures + 1))
fi

# --- 2. Every shipped file, with the schema its "format" names. -------------------------
# Prints "KIND<TAB>PATH" for each JSON file under scenarios/ with a deliberate format, and
# "invalid<TAB>PATH<TAB>REASON" for files that are not JSON at all.
node - "$root" >"$tmp/files.tsv" <<'EOF'
const fs = require("fs");
const path = require("path");
const root = process.argv[2];
const kinds = { "deliberate/scenario@": "scenario", "deliberate/model@": "model", "deliberate/values@": "values",
                "deliberate/organisation@": "organisation",
                "deliberate/result@": "result", "deliberate/path@": "path" };
function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) { if (entry.name !== "node_modules") walk(full); continue; }
    if (!entry.name.endsWith(".json")) continue;
    const rel = path.relative(root, full);
    let doc;
    try { doc = JSON.parse(fs.readFileSync(full, "utf8")); }
    catch (err) { console.log(`invalid\t${rel}\t${err.message}`); continue; }
    const format = doc && typeof doc === "object" ? doc.format : undefined;
    if (typeof format !== "string") continue;
    for (const [prefix, kind] of Object.entries(kinds)) {
      if (format.startsWith(prefix)) { console.log(`${kind}\t${rel}`); break; }
    }
  }
}
walk(path.join(root, "scenarios"));
EOF

checked=0
while IFS=$'\t' read -r kind file reason; do
  if [[ "$kind" == invalid ]]; then
    echo "FAIL  json     $file: $reason"
    failures=$((failures + 1))
    continue
  fi
  checked=$((checked + 1))
  if validate "$kind" "$root/$file"; then
    printf 'ok    %-8s %s\n' "$kind" "$file"
  else
    printf 'FAIL  %-8s %s\n' "$kind" "$file"; sed 's/^/      /' "$tmp/last.log"
    failures=$((failures + 1))
  fi
done <"$tmp/files.tsv"
if [[ $checked -eq 0 ]]; then
  echo "FAIL  no scenario, model, values or organisation files found under $root/scenarios"
  failures=$((failures + 1))
fi

# --- 3. The schemas must reject broken documents. ------------------------------------------
# Each broken document is a known-good one with exactly one defect, so a rejection is due to
# that defect; the known-good ones must themselves pass first.
cat >"$tmp/good-scenario.json" <<'EOF'
{
  "$schema": "schema/scenario.schema.json",
  "format": "deliberate/scenario@1",
  "id": "check-gift",
  "version": "1.0.0",
  "languages": ["nl", "en"],
  "title": {"nl": "Het cadeau", "en": "The gift"},
  "summary": {"nl": "Een leverancier stuurt een cadeau.", "en": "A supplier sends a gift."},
  "model": "seven-questions",
  "tags": ["gifts"],
  "duration_minutes": 15,
  "audience": ["employees"],
  "factors": [
    {"id": "amount", "label": {"nl": "Waarde", "en": "Value"}, "default": "low",
     "values": [{"id": "low", "label": {"nl": "€ 25", "en": "€25"}},
                {"id": "high", "label": {"nl": "€ 250", "en": "€250"}}]}
  ],
  "variables": {"trust": 0, "reported": false},
  "stakeholders": [{"id": "supplier", "label": {"nl": "De leverancier", "en": "The supplier"}, "relevant": true}],
  "values": ["impartiality", "transparency"],
  "start": "intro",
  "nodes": [
    {"id": "intro", "kind": "scene", "text": {"nl": "Een pakket van {factor:amount}.", "en": "A parcel worth {factor:amount}."},
     "image": "images/office.png", "next": "gift"},
    {"id": "gift", "kind": "dilemma",
     "text": {"nl": "Wat doe je met het pakket?", "en": "What do you do with the parcel?"},
     "question": {"nl": "Wat doe je?", "en": "What do you do?"},
     "steps": {"information": {"prompts": [{"nl": "Wat zegt de regeling?", "en": "What do the rules say?"}]}},
     "options": [
       {"id": "keep", "label": {"nl": "Houden", "en": "Keep it"},
        "when": {"==": [{"var": "factor.amount"}, "low"]},
        "effects": [{"set": "trust", "add": -1}], "next": "after"},
       {"id": "report", "label": {"nl": "Melden", "en": "Report it"},
        "when": {"!": {"var": "reported"}},
        "effects": [{"set": "reported", "to": true}], "next": "end"}
     ]},
    {"id": "after", "kind": "scene", "text": {"nl": "Later.", "en": "Later."},
     "branches": [{"when": {"<": [{"var": "trust"}, 0]}, "next": "end"},
                  {"when": {"and": [{"in": [{"var": "factor.amount"}, ["low", "high"]]},
                                    {"or": [{"!": [{"var": ["reported"]}]}, {"in": ["a", "abc"]}]}]},
                   "next": "end"}],
     "next": "end"},
    {"id": "end", "kind": "ending", "outcome": {"nl": "Klaar.", "en": "Done."},
     "text": {"nl": "Einde.", "en": "The end."}, "debrief": {"nl": "Nabespreking.", "en": "Debrief."},
     "discussion": [{"nl": "Waar ligt de grens?", "en": "Where is the line?"}]}
  ]
}
EOF
cat >"$tmp/good-model.json" <<'EOF'
{
  "format": "deliberate/model@1",
  "id": "check-model",
  "title": {"nl": "Model", "en": "Model"},
  "source": "A test citation.",
  "steps": [
    {"id": "question", "title": {"nl": "Vraag", "en": "Question"}, "prompt": {"nl": "Wat?", "en": "What?"}, "input": "text"},
    {"id": "who", "title": {"nl": "Wie", "en": "Who"}, "prompt": {"nl": "Wie?", "en": "Who?"}, "input": "multiselect", "from": "stakeholders"},
    {"id": "tests", "title": {"nl": "Toetsen", "en": "Tests"}, "prompt": {"nl": "Toets.", "en": "Test."}, "input": "checks",
     "checks": [{"id": "newspaper", "label": {"nl": "Krant?", "en": "Newspaper?"}}]},
    {"id": "choice", "title": {"nl": "Keuze", "en": "Choice"}, "prompt": {"nl": "Kies.", "en": "Choose."}, "input": "choice"},
    {"id": "feeling", "title": {"nl": "Gevoel", "en": "Feeling"}, "prompt": {"nl": "Hoe?", "en": "How?"}, "input": "scale",
     "scale": {"min": 1, "max": 5}}
  ]
}
EOF
cat >"$tmp/good-values.json" <<'EOF'
{
  "format": "deliberate/values@1",
  "values": [
    {"id": "honesty", "label": {"nl": "Eerlijkheid", "en": "Honesty"}, "description": {"nl": "Eerlijk.", "en": "Honest."}}
  ]
}
EOF

cat >"$tmp/good-organisation.json" <<'EOF'
{
  "format": "deliberate/organisation@1",
  "entries": [
    {"id": "gift-limit", "description": {"nl": "Grens.", "en": "Limit."}, "text": {"nl": "€ 50", "en": "€50"}}
  ]
}
EOF

cat >"$tmp/good-result.json" <<'EOF'
{"format":"deliberate/result@1","id":"r-0123456789abcdef0123456789abcdef","engine":"0.1.0",
 "scenario":{"id":"check-gift","version":"1.0.0","hash":"fnv1a64:31f60ae784637171"},
 "model":"seven-questions","language":"nl","mode":"practice","month":"2026-11",
 "dilemmas":[{"node":"gift","choice":"report","factors":{"amount":"high"},
   "answers":[{"step":"who","picks":["supplier"],"seconds":15},{"step":"feeling","scale":4},
              {"step":"information","skipped":true}],
   "votes":[{"round":"first","factors":{"amount":"low"},"counts":{"keep":7,"report":5}}]}]}
EOF

# Each line: NAME<TAB>KIND<TAB>JavaScript that breaks the document `d`.
cat >"$tmp/mutations.tsv" <<'EOF'
missing-start	scenario	delete d.start
missing-nodes	scenario	delete d.nodes
bad-scenario-id	scenario	d.id = "Check_Gift"
bad-node-id	scenario	d.nodes[0].id = "-intro"
unknown-top-field	scenario	d.author = "someone"
misspelt-node-field	scenario	d.nodes[0].nxt = d.nodes[0].next; delete d.nodes[0].next
wrong-format	scenario	d.format = "deliberate/scenario@2"
bad-version	scenario	d.version = "1.0"
no-languages	scenario	d.languages = []
bad-language-code	scenario	d.title = {"nl": "Het cadeau", "eng": "The gift"}
unknown-placeholder	scenario	d.nodes[0].text.en = "A parcel worth {fator:amount}."
unknown-kind	scenario	d.nodes[0].kind = "cutscene"
scene-without-next	scenario	delete d.nodes[0].next
scene-with-options	scenario	d.nodes[0].options = d.nodes[1].options
one-option	scenario	d.nodes[1].options.pop()
dilemma-without-question	scenario	delete d.nodes[1].question
option-without-next	scenario	delete d.nodes[1].options[0].next
ending-without-debrief	scenario	delete d.nodes[3].debrief
ending-with-next	scenario	d.nodes[3].next = "intro"
effect-to-and-add	scenario	d.nodes[1].options[0].effects[0].to = 3
effect-without-change	scenario	d.nodes[1].options[0].effects = [{"set": "trust"}]
effect-add-string	scenario	d.nodes[1].options[0].effects = [{"set": "trust", "add": "1"}]
unknown-operator	scenario	d.nodes[1].options[0].when = {"xor": [true, false]}
two-operators	scenario	d.nodes[1].options[0].when = {"==": [1, 1], "!=": [1, 2]}
comparison-arity	scenario	d.nodes[1].options[0].when = {"==": [{"var": "trust"}]}
null-condition	scenario	d.nodes[2].branches[0].when = null
bad-factor-var	scenario	d.nodes[1].options[0].when = {"==": [{"var": "factor.Amount"}, "low"]}
one-factor-value	scenario	d.factors[0].values.pop()
escaping-asset	scenario	d.nodes[0].image = "../../secret.png"
absolute-asset	scenario	d.nodes[0].image = "/etc/passwd"
duration-zero	scenario	d.duration_minutes = 0
bad-step-content	scenario	d.nodes[1].steps.information.prompt_text = "x"
unclosed-placeholder	scenario	d.nodes[0].text.nl = "Een pakket van {factor:amount."
backslash-asset	scenario	d.nodes[0].image = "images\\office.png"
bad-variable-name	scenario	d.variables = {"Trust": 0, "reported": false}
expression-in-in-list	scenario	d.nodes[2].branches[1].when = {"in": [1, [{"var": "trust"}]]}
empty-discussion	scenario	d.nodes[3].discussion = []
duration-too-long	scenario	d.duration_minutes = 2000
empty-and	scenario	d.nodes[1].options[0].when = {"and": []}
plain-string-list-item	scenario	d.nodes[1].options[0].when = {"==": [[1], 1]}
missing-choice	model	d.steps = d.steps.filter(s => s.input !== "choice")
two-choices	model	d.steps.push({"id": "again", "title": {"en": "Again"}, "prompt": {"en": "Again"}, "input": "choice"})
unknown-input	model	d.steps[0].input = "essay"
select-without-from	model	delete d.steps[1].from
bad-from	model	d.steps[1].from = "people"
scale-without-scale	model	delete d.steps[4].scale
text-with-from	model	d.steps[0].from = "values"
checks-without-checks	model	delete d.steps[2].checks
optional-choice	model	d.steps[3].optional = true
plain-string-model-text	model	d.title = "Model"
bad-step-id	model	d.steps[0].id = "Question"
blank-source	model	d.source = "  "
scale-out-of-range	model	d.steps[4].scale.max = 500
checks-from-stakeholders	model	d.steps[2].from = "stakeholders"
model-unknown-field	model	d.steps[0].hint = {"en": "x"}
value-without-description	values	delete d.values[0].description
value-unknown-field	values	d.values[0].weight = 3
values-wrong-format	values	d.format = "deliberate/value@1"
plain-string-value-label	values	d.values[0].label = "Honesty"
entry-without-text	organisation	delete d.entries[0].text
entry-bad-id	organisation	d.entries[0].id = "Gift_Limit"
entry-placeholder	organisation	d.entries[0].text.en = "{org:other}"
organisation-wrong-format	organisation	d.format = "deliberate/organization@1"
no-entries	organisation	d.entries = []
org-placeholder-typo	scenario	d.nodes[0].text.en = "A parcel worth {orgs:gift-limit}."
result-with-text	result	d.dilemmas[0].answers[0].text = "I would tell my manager"
result-with-name	result	d.name = "Sanne"
result-with-participant	result	d.participant = "p-11cd7e66"
result-with-day	result	d.month = "2026-11-28"
result-with-time	result	d.time = "2026-11-28T14:09:41.156Z"
result-with-host	result	d.host = "laptop-17"
result-free-text-pick	result	d.dilemmas[0].answers[0].picks = ["my manager, Jan"]
result-unknown-mode	result	d.mode = "play"
result-negative-count	result	d.dilemmas[0].votes[0].counts.keep = -1
result-note-in-dilemma	result	d.dilemmas[0].note = "reported it"
result-exact-seconds	result	d.dilemmas[0].answers[0].seconds = 3600
result-newer-format	result	d.format = "deliberate/result@2"
EOF

for kind in scenario model values organisation result; do
  if validate "$kind" "$tmp/good-$kind.json"; then
    printf 'ok    %-8s accepts the known-good %s document\n' "$kind" "$kind"
  else
    printf 'FAIL  %-8s rejects the known-good %s document\n' "$kind" "$kind"; sed 's/^/      /' "$tmp/last.log"
    failures=$((failures + 1))
  fi
done

node - "$tmp" <<'EOF'
const fs = require("fs");
const path = require("path");
const tmp = process.argv[2];
for (const line of fs.readFileSync(path.join(tmp, "mutations.tsv"), "utf8").split("\n")) {
  if (!line.trim()) continue;
  const [name, kind, code] = line.split("\t");
  const d = JSON.parse(fs.readFileSync(path.join(tmp, `good-${kind}.json`), "utf8"));
  new Function("d", code)(d);
  fs.mkdirSync(path.join(tmp, "broken", kind), { recursive: true });
  fs.writeFileSync(path.join(tmp, "broken", kind, `${name}.json`), JSON.stringify(d, null, 2));
}
EOF

# One ajv run per kind; ajv reports "PATH valid" or "PATH invalid" for each document.
for kind in scenario model values organisation result; do
  "$ajv" validate --spec=draft2020 --strict=false -c ajv-formats -s "$schema_dir/$kind.schema.json" \
    -d "$tmp/broken/$kind/*.json" --errors=text >>"$tmp/broken.log" 2>&1 || true
done
rejected=0
total=0
while IFS=$'\t' read -r name kind _; do
  [[ -n "$name" ]] || continue
  total=$((total + 1))
  if grep -qxF "$tmp/broken/$kind/$name.json invalid" "$tmp/broken.log"; then
    rejected=$((rejected + 1))
  else
    printf 'FAIL  %-8s accepted a broken document: %s\n' "$kind" "$name"
    failures=$((failures + 1))
  fi
done <"$tmp/mutations.tsv"
if [[ $total -gt 0 && $rejected -eq $total ]]; then
  echo "ok    broken   all $total broken documents rejected"
else
  echo "FAIL  broken   only $rejected of $total broken documents rejected"
  failures=$((failures + 1))
fi

if [[ $failures -gt 0 ]]; then
  echo "check_schemas: $failures failure(s)"
  exit 1
fi
echo "check_schemas: all $checked shipped files valid"
