builtins.attrNames { z = 1; a = 2; "10" = 3; "9" = 4; B = 5; _x = 6; }
