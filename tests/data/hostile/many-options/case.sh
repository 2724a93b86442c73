#!/usr/bin/env bash
# One dilemma with 150,000 options: checking that their ids are unique must take linear time,
# not compare each id with every earlier one (that took over half a minute). The file is
# generated here; the last option repeats an earlier id, which must still be reported.
python3 - > many.json <<'PY'
import json, sys
n = 150000
options = [{"id": "first", "label": "First", "arguments": {"for": ["F"], "against": ["A"]},
            "next": "end"}]
options += [{"id": f"o{i}", "label": f"Option {i}", "next": "end"} for i in range(n - 2)]
options.append({"id": "o7", "label": "Again", "next": "end"})
nodes = [{"id": "d", "kind": "dilemma", "text": "Which?", "question": "Which one?",
          "options": options},
         {"id": "end", "kind": "ending", "text": "T", "outcome": "O", "debrief": "D",
          "discussion": ["?"]}]
json.dump({"format": "deliberate/scenario@1", "id": "many-options", "version": "1.0.0",
           "languages": ["en"], "title": "Many", "summary": "One dilemma, very many options.",
           "model": "quick-check", "start": "d", "stakeholders": [{"id": "me", "label": "Me"}],
           "nodes": nodes}, sys.stdout)
PY
"$DELIBERATE" validate many.json
echo "validate exit $?"
