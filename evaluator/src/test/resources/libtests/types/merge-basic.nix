# Successful merges of several definitions for the scalar and string types.
let
  lib = import ./lib.nix;
  t = lib.types;
  option = import ./option.nix lib;
  defs = values: lib.imap1 (i: value: { file = "def${toString i}.nix"; inherit value; }) values;
in
{
  boolEqual = option t.bool (defs [ true true ]);
  boolByOr = option t.boolByOr (defs [ false true false ]);
  boolByOrAllFalse = option t.boolByOr (defs [ false false ]);
  intEqual = option t.int (defs [ 4 4 4 ]);
  port = option t.port (defs [ 8080 ]);
  float = option t.float (defs [ 2.5 2.5 ]);
  numberInt = option t.number (defs [ 7 ]);
  numberFloat = option t.number (defs [ 0.25 ]);
  strEqual = option t.str (defs [ "x" "x" ]);
  singleLineStrTrimmed = option t.singleLineStr (defs [ "one line\n" ]);
  strMatching = option (t.strMatching "[0-9]+") (defs [ "42" "42" ]);
  lines = option t.lines (defs [ "a" "b" "c" ]);
  commas = option t.commas (defs [ "a" "b" ]);
  envVar = option t.envVar (defs [ "/bin" "/usr/bin" ]);
  separatedString = option (t.separatedString " + ") (defs [ "1" "2" ]);
  linesOrdered = option t.lines (defs [ (lib.mkAfter "last") "first" (lib.mkBefore "zeroth") ]);
  attrsShallow = option t.attrs (defs [ { a.x = 1; b = 2; } { a.y = 3; } ]);
  raw = option t.raw (defs [ { any = x: x; } ]) ? any;
  unspecifiedSets = option t.unspecified (defs [ { a = 1; } { b = 2; } ]);
  unspecifiedLists = option t.unspecified (defs [ [ 1 ] [ 2 ] ]);
  enum = option (t.enum [ "a" "b" ]) (defs [ "b" "b" ]);
  path = option t.path (defs [ "/etc/passwd" ]);
  externalPath = option t.externalPath (defs [ "/var/lib" ]);
  luaInline = option t.luaInline (defs [ { _type = "lua-inline"; expr = "print(1)"; } ]);
}
