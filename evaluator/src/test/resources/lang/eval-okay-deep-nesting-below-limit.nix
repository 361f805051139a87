# Just below the nesting limit still works.
let
  deep = builtins.foldl' (tail: head: [ tail ]) null (builtins.genList (x: x) 9990);
in
builtins.deepSeq deep (builtins.stringLength (builtins.toJSON deep))
