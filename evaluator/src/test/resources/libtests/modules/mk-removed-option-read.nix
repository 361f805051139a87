let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ (lib.mkRemovedOptionModule [ "gone" ] "Use `other` instead.") { options.assertions = mkOption { type = types.listOf types.attrs; default = []; }; } ]; }).config.gone
