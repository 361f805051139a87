builtins.map 1 "foo"
