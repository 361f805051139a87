builtins.toJSON { outPath = { __toString = self: 42; }; }
