translate import data/translate/special.json data/translate/missing.po
