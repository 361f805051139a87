# Two declarations of one option combine their types (typeMerge/functor),
# as nixpkgs does: the merged type's description and the merged value.
let
  lib = import ./lib.nix;
  t = lib.types;
  declare = import ./declare.nix lib;
  show = r: { inherit (r) value; type = r.type.description; };
in
builtins.mapAttrs (_: show) {
  sameInt = declare [ t.int t.int ] [ 1 ];
  enumsUnion = declare [ (t.enum [ "a" "b" ]) (t.enum [ "b" "c" ]) ] [ "c" ];
  listsOfSubmodules = declare [
    (t.listOf (t.submodule { options.x = lib.mkOption { type = t.int; default = 1; }; }))
    (t.listOf (t.submodule { options.y = lib.mkOption { type = t.str; default = "y"; }; }))
  ] [ [ { x = 5; } ] ];
  attrsOfSubmodules = declare [
    (t.attrsOf (t.submodule ({ name, ... }: { options.n = lib.mkOption { default = name; }; })))
    (t.attrsOf (t.submodule { options.m = lib.mkOption { default = 0; }; }))
  ] [ { first = { m = 2; }; } ];
  placeholders = declare [
    (t.attrsOf t.int)
    (t.attrsWith { elemType = t.int; placeholder = "user"; })
  ] [ { a = 1; } ];
  nullOrs = declare [ (t.nullOr t.str) (t.nullOr t.str) ] [ null ];
  eithers = declare [ (t.either t.int (t.enum [ "x" ])) (t.either t.int (t.enum [ "y" ])) ] [ "y" ];
  strMatching = declare [ (t.strMatching "[a-z]*") (t.strMatching "[a-z]*") ] [ "abc" ];
  separatedStrings = declare [ t.lines t.lines ] [ "a" "b" ];
  paths = declare [ t.path t.path ] [ "/x" ];
  functionTos = declare [ (t.functionTo t.int) (t.functionTo t.int) ] [ (x: x + 1) ];
  deferredModules = declare [ t.deferredModule t.deferredModule ] [ { } ];
  submoduleWiths = declare [
    (t.submoduleWith {
      modules = [ ({ tag, ... }: { options.a = lib.mkOption { default = tag; }; }) ];
      specialArgs.tag = "special";
    })
    (t.submoduleWith {
      modules = [ { options.b = lib.mkOption { default = 2; }; } ];
      description = "thing";
      class = "thing";
    })
  ] [ { b = 3; } ];
  uniqs = declare [ (t.uniq t.int) (t.uniq t.int) ] [ 3 ];
}
// {
  functionTosApplied = (declare [ (t.functionTo t.int) (t.functionTo t.int) ] [ (x: x + 1) ]).value 41;
  deferredModulesImports = builtins.length (declare [ t.deferredModule t.deferredModule ] [ { } { } ]).value.imports;
  mergeTypesEnum = (t.mergeTypes (t.enum [ 1 ]) (t.enum [ 2 ])).description;
  mergeTypesError = t.mergeTypes t.int t.str;
}
