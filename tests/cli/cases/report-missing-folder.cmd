report --results data/no-such-folder --html @DATA@/report.html
