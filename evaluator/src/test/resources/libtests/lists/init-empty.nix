let lib = import <modsvc-lib>; in lib.init [ ]
