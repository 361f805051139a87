let lib = import <modsvc-lib>; in lib.mergeEqualOption [ "a" ] [ { file = "a.nix"; value = 1; } { file = "b.nix"; value = 2; } ]
