play data/valid/full-featured.json --factor amount=huge
