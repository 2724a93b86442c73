journal extract data/journals/workshop.jsonl
