journal extract data/journals/unfinished.jsonl
