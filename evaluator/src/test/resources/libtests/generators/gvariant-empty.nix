let lib = import <modsvc-lib>; in toString (lib.gvariant.mkArray [ ])
