let lib = import ./lib.nix; inherit (lib) mkOption types; in
let o = (lib.evalModules { modules = [ { options.a = mkOption { type = types.int; }; } ]; }).options.a; in { inherit (o) isDefined definitions files; }
