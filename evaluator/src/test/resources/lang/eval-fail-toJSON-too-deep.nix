# Nesting deeper than max-call-depth (10000) is a controlled error, as in Nix.
let
  deep = builtins.foldl' (tail: head: { inherit head tail; }) null (builtins.genList (x: x) 20000);
in
builtins.toJSON deep
