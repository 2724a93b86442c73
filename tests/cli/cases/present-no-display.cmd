present data/valid/full-featured.json --data @DATA@
