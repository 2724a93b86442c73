play data/invalid/missing-start.json
