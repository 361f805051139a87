let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules { prefix = [ "top" ]; modules = [ { _file = "user.nix"; foo = 1; } ]; }).config
