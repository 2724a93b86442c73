present --help
