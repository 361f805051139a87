let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ ({ options, ... }: { options.src = mkOption { type = types.int; }; options.dst = mkOption { type = types.attrsOf types.int; default = {}; }; config = lib.mkAliasAndWrapDefinitions (v: { dst.copied = v; }) options.src; }) { src = lib.mkDefault 4; } ]; }).config
