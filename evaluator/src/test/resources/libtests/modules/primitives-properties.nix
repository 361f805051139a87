# mkMerge, mkIf, mkOverride and mkOrder together, pushed down through nested option sets and discharged
# per option (natively and as Nix reference).
let lib = import ./lib.nix; inherit (lib) mkOption mkMerge mkIf mkForce mkDefault mkBefore mkAfter mkOverride types; in
(lib.evalModules {
  modules = [
    {
      options.outer.a = mkOption { type = types.int; default = 1; };
      options.outer.b = mkOption { type = types.listOf types.str; default = [ ]; };
      options.outer.c = mkOption { type = types.str; };
    }
    {
      outer = mkMerge [
        (mkIf true { a = mkDefault 5; b = mkAfter [ "last" ]; })
        (mkIf false { a = 99; c = "never"; })
        (mkOverride 90 { c = "ninety"; })
      ];
    }
    { outer.b = mkBefore [ "first" ]; outer.c = mkForce "forced"; }
    { outer.b = [ "middle" ]; outer.a = mkMerge [ (mkIf false 7) (mkIf true 8) ]; }
  ];
}).config
