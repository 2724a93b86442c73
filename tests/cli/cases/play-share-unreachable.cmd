play data/valid/full-featured.json --lang en --journal @DATA@/session.jsonl --results @DATA@/unreachable --share
