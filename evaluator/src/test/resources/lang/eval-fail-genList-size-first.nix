builtins.genList false (-3)
