let x = 1; src = { y = 2; z = 3; }; in { inherit x; inherit (src) y z; w = { inherit (src) z; }; }
