translate export data/translate/special.json --from nl --to en --po -
