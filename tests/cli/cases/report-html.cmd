report --results data/results --scenarios data/valid --data @DATA@ --html -
