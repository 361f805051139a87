let lib = import <modsvc-lib>; in lib.generators.toDhall { } { a = null; }
