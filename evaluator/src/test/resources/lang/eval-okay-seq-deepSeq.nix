let s = { a = 1; b = [ 2 3 ]; }; in [ (builtins.seq s "seq") (builtins.deepSeq s "deep") (builtins.seq { x = throw "shallow"; } "ok") ]
