# Attributes have their own budget of 10, shared across nesting levels; `type` is printed first.
let
  inner = { a = 1; b = 2; c = 3; d = 4; e = 5; f = 6; g = 7; h = 8; };
  v = { x = inner; y = inner; type = "t"; };
in
"" + builtins.deepSeq v v
