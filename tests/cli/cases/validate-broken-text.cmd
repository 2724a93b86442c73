validate cli/data/broken.json
