let lib = import ./lib.nix; inherit (lib) mkOption types; in
let inner = lib.evalModules { modules = [ { options.x = mkOption { type = types.int; default = 1; }; } ]; }; in (lib.evalModules { modules = [ { options.sub = mkOption { type = inner.type; default = {}; }; } { sub.x = 5; } ]; }).config // { t = inner._type; typeName = inner.type.name; }
