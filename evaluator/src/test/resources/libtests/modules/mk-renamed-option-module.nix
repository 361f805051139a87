let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ (lib.mkRenamedOptionModule [ "old" ] [ "new" ]) { options.new = mkOption { type = types.int; }; options.warnings = mkOption { type = types.listOf types.str; default = []; }; } { _file = "user.nix"; old = 3; } ]; }).config
