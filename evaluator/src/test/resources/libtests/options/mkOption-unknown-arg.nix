let lib = import <modsvc-lib>; in lib.mkOption { defualt = 1; }
