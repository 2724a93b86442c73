report --html @DATA@/report.html
