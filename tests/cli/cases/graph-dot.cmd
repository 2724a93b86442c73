graph data/valid/full-featured.json
