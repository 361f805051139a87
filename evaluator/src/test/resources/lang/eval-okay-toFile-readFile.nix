let f = builtins.toFile "greeting.txt" "hello store"; in [ f (builtins.readFile f) ]
