let lib = import <modsvc-lib>; in lib.generators.mkValueStringDefault { } [ 1 ]
