let lib = import ./lib.nix; inherit (lib) mkOption types; in
let c = lib.evalModules { modules = [ ]; }; in (lib.evalModules { modules = [ c ]; }).config
