let lib = import <modsvc-lib>; in lib.mergeOneOption [ "services" "web server" "port" ] [ { file = "a.nix"; value = 1; } { file = "b.nix"; value = 2; } ]
