let lib = import ./lib.nix; inherit (lib) mkOption types; in
let r = lib.evalModules { prefix = [ "top" "sub" ]; modules = [ { options.a = mkOption { type = types.int; }; } ]; }; in r.options.a.loc
