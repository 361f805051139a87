let lib = import ./lib.nix; inherit (lib) mkOption types; in
(lib.evalModules {  modules = [ ({ options, ... }: { options.text = mkOption { type = types.str; }; options.source = mkOption { type = types.str; default = "fallback"; }; config.source = lib.mkDerivedConfig options.text (t: "file:" + t); }) { text = lib.mkDefault "hi"; } { source = lib.mkOverride 1200 "weaker"; } ]; }).config
