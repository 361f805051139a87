let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ ({ config, ... }: { options.x = mkOption { type = types.bool; default = true; }; options.s = mkOption { type = types.attrsOf types.int; default = {}; }; config = lib.mkIf config.x { s.a = 1; s.b = 2; }; }) ]; }).config
