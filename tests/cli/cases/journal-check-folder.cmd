journal check data/journals
