validate --format xml data/valid
