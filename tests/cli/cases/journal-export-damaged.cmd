journal export data/journals/damaged-middle.jsonl --csv -
