validate --warnings-as-errors data/case/own-case.scenario.json
