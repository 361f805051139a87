let lib = import ./lib.nix; inherit (lib) mkOption types; in
let o = (lib.evalModules { modules = [ { options.s = mkOption { type = types.attrsOf types.int; }; } { s = { a = 1; b = lib.mkDefault 2; }; } { s.c = lib.mkForce 3; } ]; }).options.s; in lib.modules.mergeAttrDefinitionsWithPrio o
