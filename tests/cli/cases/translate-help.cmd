translate --help
