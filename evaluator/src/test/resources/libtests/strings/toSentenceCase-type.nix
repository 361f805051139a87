let lib = import <modsvc-lib>; in lib.toSentenceCase 1
