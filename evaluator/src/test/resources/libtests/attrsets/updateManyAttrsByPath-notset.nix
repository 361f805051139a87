let lib = import <modsvc-lib>; in lib.updateManyAttrsByPath [ { path = [ "a" "b" ]; update = old: 1; } ] { a = 1; }
