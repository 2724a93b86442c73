validate cli/data
