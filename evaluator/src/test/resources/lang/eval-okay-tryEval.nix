[ (builtins.tryEval (throw "caught")) (builtins.tryEval 1) (builtins.tryEval (assert false; 1)) ((builtins.tryEval { x = throw "lazy"; }).success) ]
