let lib = import <modsvc-lib>; in lib.toIntBase10 "abc"
