let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ { freeformType = types.attrsOf types.int; } { _file = "user.nix"; free = "nope"; } ]; }).config
