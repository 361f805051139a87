let lib = import <modsvc-lib>; in lib.generators.toLua { asBindings = true; } { "1x" = 1; }
