let lib = import ./lib.nix; inherit (lib) mkOption mkIf types; in
(lib.evalModules {
  modules = [ { options.a = mkOption { type = types.int; }; } { _file = "cond.nix"; a = mkIf "yes" 1; } ];
}).config.a
