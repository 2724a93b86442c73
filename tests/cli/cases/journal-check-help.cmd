journal check --help
