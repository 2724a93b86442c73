report --results data/results --from 2026-1 --html @DATA@/report.html
