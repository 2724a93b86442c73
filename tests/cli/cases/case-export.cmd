journal export data/case/own-case.jsonl --html - --md -
