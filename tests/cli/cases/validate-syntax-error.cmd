validate cli/data/syntax.json
