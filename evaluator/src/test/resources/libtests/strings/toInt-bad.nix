let lib = import <modsvc-lib>; in lib.toInt "1.5"
