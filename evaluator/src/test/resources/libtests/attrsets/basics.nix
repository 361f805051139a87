let
  lib = import <modsvc-lib>;
  set = { a = { b = { c = 1; }; d = 2; }; e = 3; };
  pkg = { type = "derivation"; name = "p-1"; outPath = "/out"; out = { outPath = "/out"; }; bin = "/bin-out"; dev = "/dev-out"; lib = "/lib-out"; };
  specified = pkg // { outputSpecified = true; };
in
{
  attrByPath = [ (lib.attrByPath [ "a" "b" "c" ] 0 set) (lib.attrByPath [ "a" "x" ] 0 set) (lib.attrByPath [ ] 0 set == set) (lib.attrByPath [ "e" "f" ] "deflt" set) ];
  hasAttrByPath = [ (lib.hasAttrByPath [ "a" "b" ] set) (lib.hasAttrByPath [ "a" "z" ] set) (lib.hasAttrByPath [ ] 1) (lib.hasAttrByPath [ "e" "x" ] set) ];
  longestValidPathPrefix = [ (lib.attrsets.longestValidPathPrefix [ "a" "b" "z" ] set) (lib.attrsets.longestValidPathPrefix [ "q" ] set) ];
  setAttrByPath = [ (lib.setAttrByPath [ "a" "b" ] 3) (lib.setAttrByPath [ ] 3) ];
  getAttrFromPath = lib.getAttrFromPath [ "a" "d" ] set;
  attrVals = lib.attrVals [ "e" "a" ] { a = 1; e = 2; x = 3; };
  attrValues = lib.attrValues { b = 2; a = 1; };
  getAttrs = lib.getAttrs [ "a" "e" ] set;
  catAttrs = lib.catAttrs "a" [ { a = 1; } { b = 0; } { a = 2; } ];
  filterAttrs = lib.filterAttrs (n: v: n == "a" || v == 3) { a = 1; b = 2; c = 3; };
  filterAttrsRecursive = lib.filterAttrsRecursive (n: v: v != null) { a = null; b = { c = null; d = 1; }; };
  foldlAttrs = lib.foldlAttrs (acc: n: v: acc ++ [ "${n}${toString v}" ]) [ ] { b = 2; a = 1; };
  foldAttrs = lib.foldAttrs (n: a: [ n ] ++ a) [ ] [ { a = 2; } { a = 3; b = 1; } ];
  collect = [ (lib.collect builtins.isList { a = { b = [ "b" ]; }; c = [ 1 ]; }) (lib.collect (x: x ? outPath) { a = { outPath = "a/"; }; b = { c = { outPath = "b/"; }; }; }) ];
  cartesianProduct = lib.cartesianProduct { a = [ 1 2 ]; b = [ 10 20 ]; };
  cartesianProductEmpty = [ (lib.cartesianProduct { }) (lib.cartesianProduct { a = [ ]; }) ];
  mapCartesianProduct = lib.mapCartesianProduct ({ a, b }: "${a}-${b}") { a = [ "1" "2" ]; b = [ "3" "4" ]; };
  nameValuePair = lib.nameValuePair "n" 1;
  mapAttrs = lib.mapAttrs (n: v: n + v) { x = "a"; };
  mapAttrs' = lib.mapAttrs' (n: v: lib.nameValuePair ("foo_" + n) ("bar-" + v)) { x = "a"; y = "b"; };
  mapAttrsToList = lib.mapAttrsToList (n: v: n + v) { x = "a"; y = "b"; };
  attrsToList = lib.attrsToList { b = 2; a = 1; };
  concatMapAttrs = lib.concatMapAttrs (n: v: { ${n} = v; "${n}2" = v * 2; }) { a = 1; b = 2; };
  mapAttrsRecursive = lib.mapAttrsRecursive (path: v: lib.concatStringsSep "-" path + "=${toString v}") { n = { a = 1; b = 2; }; m = 3; };
  mapAttrsRecursiveCond = lib.mapAttrsRecursiveCond (as: !(as ? stop)) (path: v: builtins.length path) { a = { stop = 1; }; b = { c = 2; }; };
  mapAttrsToListRecursive = lib.mapAttrsToListRecursive (path: v: "${lib.concatStringsSep "." path}=${toString v}") { a = { b = 1; }; c = 2; };
  mapAttrsToListRecursiveCond = lib.mapAttrsToListRecursiveCond (path: as: !(as ? x)) (path: v: path) { a = { x = 1; }; b = { c = 2; }; };
  genAttrs = lib.genAttrs [ "foo" "bar" ] (n: "x_" + n);
  genAttrs' = lib.genAttrs' [ "foo" "bar" ] (n: lib.nameValuePair "x_${n}" n);
  isDerivation = [ (lib.isDerivation pkg) (lib.isDerivation { }) (lib.isDerivation { type = "x"; }) ];
  optionalAttrs = [ (lib.optionalAttrs true { a = 1; }) (lib.optionalAttrs false { a = 1; }) ];
  zipAttrsWithNames = lib.zipAttrsWithNames [ "a" "z" ] (name: vs: "${name}${toString (builtins.length vs)}") [ { a = 1; } { a = 2; b = 3; } ];
  zipAttrsWith = lib.zipAttrsWith (name: vs: vs) [ { a = "x"; } { a = "y"; b = "z"; } ];
  zipAttrs = lib.zipAttrs [ { a = "x"; } { a = "y"; b = "z"; } ];
  recursiveUpdate = lib.recursiveUpdate { boot.loader.grub.enable = true; boot.loader.grub.device = "/dev/hda"; x = { y = 1; }; } { boot.loader.grub.device = ""; x = 2; };
  recursiveUpdateUntil = lib.recursiveUpdateUntil (path: l: r: path == [ "foo" ]) { foo.bar = 1; foo.baz = 2; bar = 3; } { foo.bar = 1; foo.quz = 2; baz = 4; };
  matchAttrs = [ (lib.matchAttrs { cpu = { }; } { cpu = { bits = 64; }; }) (lib.matchAttrs { a = { b = 1; }; } { a = { b = 2; }; }) (lib.matchAttrs { a = 1; } { }) (lib.matchAttrs { a = { b = 1; }; } { a = 3; }) ];
  mergeAttrsList = [ (lib.mergeAttrsList [ { a = 0; b = 0; } { c = 1; d = 1; } { a = 2; c = 2; } ]) (lib.mergeAttrsList [ ]) ];
  overrideExisting = [ (lib.overrideExisting { a = 1; } { b = 2; }) (lib.overrideExisting { a = 3; b = 2; } { a = 1; }) ];
  showAttrPath = [ (lib.showAttrPath [ "foo" "10" "bar" ]) (lib.showAttrPath [ ]) (lib.showAttrPath [ "a.b" "if" ]) ];
  getOutput = [ (lib.getOutput "dev" pkg) (lib.getOutput "doc" pkg).outPath (lib.getOutput "dev" specified).name ];
  getBin = lib.getBin pkg;
  getLib = lib.getLib pkg;
  getDev = lib.getDev pkg;
  getMan = (lib.getMan pkg).outPath;
  getFirstOutput = [ (lib.getFirstOutput [ "include" "dev" ] pkg) (lib.getFirstOutput [ "x" ] { y = 1; }) ];
  getStatic = lib.getStatic pkg;
  getInclude = lib.getInclude pkg;
  chooseDevOutputs = lib.chooseDevOutputs [ pkg ];
  recurseIntoAttrs = lib.recurseIntoAttrs { a = 1; };
  dontRecurseIntoAttrs = lib.dontRecurseIntoAttrs { a = 1; };
  unionOfDisjoint = lib.attrsets.unionOfDisjoint { a = 1; } { b = 2; };
  unionOfDisjointLazy = (lib.attrsets.unionOfDisjoint { a = 1; } { a = 2; b = 3; }).b;
  updateManyAttrsByPath = lib.updateManyAttrsByPath [
    { path = [ "a" "b" ]; update = old: { d = old.c; }; }
    { path = [ "a" "b" "c" ]; update = old: old + 1; }
    { path = [ "x" "y" ]; update = old: "xy"; }
  ] { a.b.c = 0; };
  updateRoot = lib.updateManyAttrsByPath [ { path = [ ]; update = old: old // { z = 1; }; } ] { y = 0; };
  builtinsReexported = [ (lib.hasAttr "a" { a = 1; }) (lib.getAttr "a" { a = 1; }) (lib.isAttrs { }) (lib.intersectAttrs { a = 0; } { a = 1; b = 2; }) (lib.removeAttrs { a = 1; b = 2; } [ "a" ]) (lib.listToAttrs [ { name = "k"; value = 1; } ]) (lib.attrNames { b = 1; a = 2; }) ];
}
