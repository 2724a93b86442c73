validate -W cli/data/warned
