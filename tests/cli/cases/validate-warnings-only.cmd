validate cli/data/warned
