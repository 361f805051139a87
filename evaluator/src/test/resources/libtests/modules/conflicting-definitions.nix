let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ { options.a = mkOption { type = types.str; }; } { _file = "x.nix"; a = "x"; } { _file = "y.nix"; a = "y"; } ]; }).config
