graph cli/data/broken.json
