[ (1 + 2 * 3) (10 / 3) (-7 / 2) (7 - 10) (builtins.div 9 2) (builtins.mul 6 7) (builtins.sub 1 5) (2 - -3) ]
