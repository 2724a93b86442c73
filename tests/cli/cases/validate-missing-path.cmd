validate data/valid/minimal.json no/such/file.json
