let
  deep = builtins.foldl' (tail: head: { inherit head tail; }) null (builtins.genList (x: x) 20000);
in
builtins.deepSeq deep "unexpected success"
