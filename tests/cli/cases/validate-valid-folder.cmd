validate data/valid
