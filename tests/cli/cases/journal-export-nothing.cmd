journal export data/journals/workshop.jsonl
