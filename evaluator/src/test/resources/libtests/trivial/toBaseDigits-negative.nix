let lib = import <modsvc-lib>; in
lib.toBaseDigits 2 (-1)
