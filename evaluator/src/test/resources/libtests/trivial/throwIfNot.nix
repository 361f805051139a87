let lib = import <modsvc-lib>; in
lib.throwIfNot (1 == 2) "the numbers differ" 1
