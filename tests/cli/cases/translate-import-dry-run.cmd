translate import data/translate/special.json data/translate/special.en.po --dry-run
