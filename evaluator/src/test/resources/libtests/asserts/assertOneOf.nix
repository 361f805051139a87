let lib = import <modsvc-lib>; in assert lib.assertOneOf "color" "blue" [ "red" "green" ]; 1
