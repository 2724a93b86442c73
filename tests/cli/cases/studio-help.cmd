studio --help
