let lib = import ./lib.nix; inherit (lib) mkOption types; in
map (d: d.value) (lib.sortProperties [ { file = "a"; value = lib.mkAfter 1; } { file = "b"; value = 2; } { file = "c"; value = lib.mkBefore 3; } { file = "d"; value = 4; } ])
