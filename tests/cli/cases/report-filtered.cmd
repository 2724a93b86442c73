report --results data/results --scenarios data/valid --data @DATA@ --from 2026-11 --scenario full-featured --csv -
