let lib = import <modsvc-lib>; in lib.literalExpression 1
