builtins.mapAttrs "" { foo = 1; }
