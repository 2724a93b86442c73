#!/usr/bin/env bash
# A story of 120,000 scenes in a row, far longer than any fixed step limit: `walk` must follow
# it to its ending and report no loop. Generated here, so no 8 MB file is committed.
python3 - > chain.json <<'PY'
import json, sys
n = 120000
nodes = [{"id": f"s{i}", "kind": "scene", "text": "On.", "next": f"s{i + 1}" if i + 1 < n else "end"}
         for i in range(n)]
nodes.append({"id": "end", "kind": "ending", "text": "T", "outcome": "O", "debrief": "D",
              "discussion": ["?"]})
json.dump({"format": "deliberate/scenario@1", "id": "long-chain", "version": "1.0.0",
           "languages": ["en"], "title": "Long", "summary": "A very long chain of scenes.",
           "model": "quick-check", "start": "s0", "nodes": nodes}, sys.stdout)
PY
# Unreached nodes would be listed one per line; only the summary matters here.
"$DELIBERATE" walk --runs 3 chain.json | grep -v '^  - s[0-9]'
echo "walk exit ${PIPESTATUS[0]}"
