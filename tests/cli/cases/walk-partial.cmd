walk data/valid/full-featured.json --runs 1
