# emptyValue: the value a type falls back to where nothing is defined
# (missing means the type has none).
let
  lib = import ./lib.nix;
  t = lib.types;
  show = type: if type.emptyValue ? value then { inherit (type.emptyValue) value; } else "none";
in
builtins.mapAttrs (_: show) {
  inherit (t) int str bool attrs lines anything raw;
  listOf = t.listOf t.int;
  nonEmptyListOf = t.nonEmptyListOf t.int;
  attrsOf = t.attrsOf t.int;
  lazyAttrsOf = t.lazyAttrsOf t.int;
  attrListOf = t.attrListOf t.int;
  attrListAsAttrs = t.attrListWith { elemType = t.int; asAttrs = true; };
  nullOr = t.nullOr t.int;
  uniqList = t.uniq (t.listOf t.int);
  coercedTo = t.coercedTo t.int toString (t.listOf t.str);
  submodule = t.submodule { options.a = lib.mkOption { default = 1; }; };
  either = t.either (t.listOf t.int) t.int;
}
