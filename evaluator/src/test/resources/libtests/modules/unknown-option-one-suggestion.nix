let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ { options.port = mkOption { default = 1; }; } { _file = "user.nix"; prot = 80; } ]; }).config
