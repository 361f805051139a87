let lib = import <modsvc-lib>; in
lib.throwIf true "condition held" 1
