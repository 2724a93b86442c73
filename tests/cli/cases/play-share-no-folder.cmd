play data/valid/full-featured.json --lang en --share
