play data/valid/full-featured.json --factor colour=red
