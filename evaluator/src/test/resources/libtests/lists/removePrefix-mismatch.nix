let lib = import <modsvc-lib>; in lib.lists.removePrefix [ 2 ] [ 1 2 ]
