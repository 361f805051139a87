let never = abort "never forced"; s = { a = never; b = 2; }; in [ (builtins.length [ never never ]) s.b (builtins.attrNames s) ]
