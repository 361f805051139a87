let lib = import <modsvc-lib>; in lib.toInt "0123"
