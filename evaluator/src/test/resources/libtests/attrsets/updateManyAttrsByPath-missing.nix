let lib = import <modsvc-lib>; in lib.updateManyAttrsByPath [ { path = [ "a" ]; update = old: old + 1; } ] { }
