let lib = import <modsvc-lib>; in lib.literalMD 1
