let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ { options.l = mkOption { type = types.listOf types.int; }; options.s = mkOption { type = types.attrsOf types.int; }; options.n = mkOption { type = types.nullOr types.int; }; } ]; }).config
