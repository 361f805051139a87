# attrTag picks one tag and merges its value with the tag's option;
# attrListOf keeps single-key entries in mkOrder order, mkOverride per key.
let
  lib = import ./lib.nix;
  t = lib.types;
  option = import ./option.nix lib;
  defs = values: lib.imap1 (i: value: { file = "def${toString i}.nix"; inherit value; }) values;
  shape = t.attrTag {
    circle = lib.mkOption { type = t.submodule { options.r = lib.mkOption { type = t.int; }; }; };
    square = lib.mkOption { type = t.int; };
  };
in
{
  tagSubmodule = option shape (defs [ { circle.r = 2; } ]);
  tagMergedTwice = option (t.attrsOf shape) (defs [ { a.square = 1; } { a.square = 1; b.circle = { r = 3; }; } ]);
  tagSubOptions = lib.attrNames (shape.getSubOptions [ "s" ]);
  tagSubOptionLoc = (shape.getSubOptions [ "s" ]).circle.loc;
  attrList = option (t.attrListOf t.int) (defs [
    [ { b = 2; } { a = 1; } ]
    [ (lib.mkBefore { first = 0; }) { last = lib.mkOrder 2000 9; } ]
  ]);
  attrListFromSet = option (t.attrListOf t.str) (defs [ { y = "y"; x = "x"; } ]);
  attrListOverride = option (t.attrListOf t.int) (defs [ [ { a = 1; } { b = 2; } ] [ { a = lib.mkForce 10; } ] ]);
  attrListAsAttrs = option (t.attrListWith { elemType = t.int; asAttrs = true; }) (defs [ [ { a = 1; } ] [ { a = 2; } { b = 3; } ] ]);
  attrListMergeValues = option (t.attrListWith {
    elemType = t.int;
    asAttrs = true;
    mergeAttrValues = _: lib.foldl' builtins.add 0;
  }) (defs [ [ { a = 1; } ] [ { a = 2; } { b = 3; } ] ]);
}
