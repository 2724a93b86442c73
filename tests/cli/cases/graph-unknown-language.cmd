graph --lang de data/valid/full-featured.json
