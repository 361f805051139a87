let lib = import <modsvc-lib>; in toString (lib.gvariant.mkValue 300)
