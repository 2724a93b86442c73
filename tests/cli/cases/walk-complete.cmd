walk data/valid/full-featured.json --runs 20 --lang en
