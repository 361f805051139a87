let lib = import <modsvc-lib>; in lib.fixedWidthString 1 "0" "42"
