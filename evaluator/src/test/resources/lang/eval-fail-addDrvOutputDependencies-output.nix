let
  drv = derivation { name = "fail"; builder = "/bin/false"; system = "x86_64-linux"; outputs = [ "out" "dev" ]; };
in
builtins.addDrvOutputDependencies drv.dev
