let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ { _file = "one.nix"; options.a = mkOption { type = types.int; }; } { _file = "two.nix"; options.a.b = mkOption { type = types.int; }; } ]; }).config
