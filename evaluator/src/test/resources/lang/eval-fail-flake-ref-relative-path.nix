builtins.parseFlakeRef "./here"
