play --resume @DATA@/nothing.jsonl
