let lib = import <modsvc-lib>; in (lib.mkPackageOption { } [ "gnome" "nope" ] { }).default
