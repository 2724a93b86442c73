journal check data/journals/nothing.jsonl
