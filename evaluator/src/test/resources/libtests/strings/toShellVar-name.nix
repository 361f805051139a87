let lib = import <modsvc-lib>; in lib.toShellVar "1bad" "v"
