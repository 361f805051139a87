let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ (lib.mkRemovedOptionModule [ "gone" ] "Use `other` instead.") { options.assertions = mkOption { type = types.listOf types.attrs; default = []; }; } { _file = "user.nix"; gone = 1; } ]; }).config.assertions
