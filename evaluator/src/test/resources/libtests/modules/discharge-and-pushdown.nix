let lib = import ./lib.nix; inherit (lib) mkOption types; in
let m = lib.modules; in { pushed = builtins.length (lib.pushDownProperties (lib.mkMerge [ { a = 1; } (lib.mkIf true { b = 2; c = 3; }) ])); discharged = lib.dischargeProperties (lib.mkMerge [ 1 (lib.mkIf true 2) (lib.mkIf true (lib.mkIf false 3)) ]); }
