play data/valid/full-featured.json --lang de
