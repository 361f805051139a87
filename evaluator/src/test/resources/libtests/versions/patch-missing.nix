let lib = import <modsvc-lib>; in lib.versions.patch "1.2"
