journal check data/journals/finished.jsonl data/journals/unfinished.jsonl
