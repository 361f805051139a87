let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ { _file = "decl.nix"; options.foo.bar = types.int; } ]; }).config
