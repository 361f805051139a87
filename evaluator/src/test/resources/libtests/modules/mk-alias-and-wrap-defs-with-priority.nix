let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ ({ options, ... }: { options.src = mkOption { type = types.int; }; options.dst = mkOption { type = types.int; }; config = lib.modules.mkAliasAndWrapDefsWithPriority (v: { dst = v; }) options.src; }) { src = lib.mkDefault 4; } { dst = 5; } ]; }).config
