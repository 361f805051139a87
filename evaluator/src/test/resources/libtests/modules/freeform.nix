let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ { freeformType = types.attrsOf types.int; options.declared = mkOption { type = types.str; default = "d"; }; } { free1 = 1; free2 = lib.mkDefault 2; } { free2 = 3; } ]; }).config
