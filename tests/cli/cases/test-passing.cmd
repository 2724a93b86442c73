test ../scenarios/the-village-hall.json ../scenarios/the-wind-memo.json
