let lib = import ./lib.nix; inherit (lib) mkOption types; in
lib.filterOverrides [ { file = "/1"; value = lib.mkOverride 10 "a"; } { file = "/2"; value = lib.mkOverride 20 "b"; } { file = "/3"; value = "z"; } { file = "/4"; value = lib.mkOverride 10 "d"; } ]
