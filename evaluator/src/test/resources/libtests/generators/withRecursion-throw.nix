let lib = import <modsvc-lib>; in lib.generators.toPretty { } (lib.generators.withRecursion { depthLimit = 1; } { a = { b = { c = 1; }; }; })
