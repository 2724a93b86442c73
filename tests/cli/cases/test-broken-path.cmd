test data/paths/village-hall-edited.json
