# separatedString with different separators does not merge.
let
  lib = import ./lib.nix;
  t = lib.types;
  declare = import ./declare.nix lib;
in
(declare [ t.lines t.commas ] [ "a" ]).value
