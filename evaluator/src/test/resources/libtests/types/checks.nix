# `check` of each type against a row of sample values; each result is the
# list of the sample names it accepts.
let
  lib = import ./lib.nix;
  t = lib.types;
  samples = {
    int = 3;
    negative = -4;
    big = 70000;
    float = 1.5;
    str = "hello";
    blank = " \t\n";
    empty = "";
    twoLines = "a\nb";
    lineNl = "a\n";
    colon = "a:b";
    bool = true;
    null = null;
    list = [ 1 ];
    emptyList = [ ];
    set = { a = 1; };
    emptySet = { };
    function = x: x;
    absPath = /tmp/x;
    absString = "/etc/hosts";
    relString = "etc/hosts";
    storeString = "${builtins.storeDir}/00000000000000000000000000000000-x/bin";
    storeDirOnly = builtins.storeDir;
    drv = { type = "derivation"; outPath = "${builtins.storeDir}/00000000000000000000000000000000-x"; };
    shellDrv = { type = "derivation"; shellPath = "/bin/sh"; outPath = "${builtins.storeDir}/00000000000000000000000000000000-sh"; };
    pkgsSet = { _type = "pkgs"; };
    lua = { _type = "lua-inline"; expr = "x"; };
    tagged = { left = 1; };
    twoTags = { left = 1; right = "x"; };
    option = lib.mkOption { };
    type = t.int;
  };
  accepts = type: builtins.filter (name: type.check samples.${name}) (builtins.attrNames samples);
in
builtins.mapAttrs (_: accepts) {
  inherit (t)
    anything
    bool
    int
    float
    number
    str
    nonEmptyStr
    singleLineStr
    lines
    attrs
    package
    shellPackage
    pkgs
    path
    pathInStore
    externalPath
    luaInline
    deferredModule
    optionType
    optionDeclaration
    port
    ;
  intsUnsigned = t.ints.unsigned;
  intsPositive = t.ints.positive;
  intsS8 = t.ints.s8;
  intsBetween = t.ints.between (-4) 3;
  numbersPositive = t.numbers.positive;
  numbersBetween = t.numbers.between 1 2;
  strMatching = t.strMatching "[a-z]+";
  pathAny = t.pathWith { };
  pathRelative = t.pathWith { absolute = false; };
  listOf = t.listOf t.str;
  nonEmptyListOf = t.nonEmptyListOf t.int;
  attrsOf = t.attrsOf t.str;
  attrListOf = t.attrListOf t.int;
  nullOr = t.nullOr t.int;
  functionTo = t.functionTo t.int;
  submodule = t.submodule { };
  enum = t.enum [ 3 "hello" null ];
  either = t.either t.int t.str;
  coercedTo = t.coercedTo t.int toString t.str;
  coercedToChecked = t.coercedTo t.str (s: builtins.stringLength s) t.ints.positive;
  addCheck = t.addCheck t.int (x: x > 0);
  attrTag = t.attrTag { left = lib.mkOption { type = t.int; }; };
  passwdEntry = t.passwdEntry t.str;
  json = t.json;
  toml = t.toml;
}
