let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ { options.a = mkOption { type = types.str; default = "opt-default"; }; } { a = lib.mkDefault "mkDefault"; } { a = "plain"; } ]; }).config
