let s = { b = 1; a = 2; c = 3; }; in {
  names = builtins.attrNames s;
  values = builtins.attrValues s;
  mapped = builtins.mapAttrs (n: v: "${n}=${toString v}") s;
  removed = removeAttrs s [ "a" "zzz" ];
  intersected = builtins.intersectAttrs { a = null; d = null; } s;
  fromList = builtins.listToAttrs [ { name = "x"; value = 1; } { name = "x"; value = 2; } ];
  cat = builtins.catAttrs "a" [ { a = 1; } { } { a = 2; } ];
  get = builtins.getAttr "c" s;
  zipped = builtins.zipAttrsWith (n: vs: vs) [ { a = 1; } { a = 2; b = 3; } ];
}
