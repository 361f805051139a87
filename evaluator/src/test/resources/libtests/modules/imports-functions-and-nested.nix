let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ { imports = [ ({ ... }: { imports = [ { options.a = mkOption { type = types.listOf types.str; }; } ]; }) { a = [ "outer" ]; } ]; a = [ "root" ]; } ]; }).config
