validate --format json cli/data/broken.json
