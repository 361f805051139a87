[ (1.5 + 2) (10 / 4.0) (builtins.ceil 2.1) (builtins.floor (-2.5)) (3 * 0.5) (1 / 3.0) ]
