let lib = import <modsvc-lib>; in lib.mergeDefaultOption [ "a" "b" ] [ { file = "a.nix"; value = 1; } { file = "b.nix"; value = "x"; } ]
