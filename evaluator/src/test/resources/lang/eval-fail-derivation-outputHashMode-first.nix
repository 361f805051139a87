builtins.derivationStrict { name = "foo"; builder = 1; outputHashMode = "custom"; }
