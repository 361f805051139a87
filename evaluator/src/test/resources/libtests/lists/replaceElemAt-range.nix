let lib = import <modsvc-lib>; in lib.replaceElemAt [ 1 2 ] 5 0
