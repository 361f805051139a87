builtins.sort 1 "foo"
