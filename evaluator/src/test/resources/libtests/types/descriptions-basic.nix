# The description of every non-composite type, as nixpkgs words them.
let
  lib = import ./lib.nix;
  t = lib.types;
in
builtins.mapAttrs (_: type: type.description) {
  inherit (t)
    anything
    raw
    unspecified
    bool
    boolByOr
    int
    port
    float
    number
    str
    nonEmptyStr
    singleLineStr
    lines
    commas
    envVar
    attrs
    package
    shellPackage
    pkgs
    path
    pathInStore
    externalPath
    luaInline
    optionType
    optionDeclaration
    deferredModule
    json
    toml
    ;
  intsUnsigned = t.ints.unsigned;
  intsPositive = t.ints.positive;
  intsBetween = t.ints.between (-3) 7;
  intsU8 = t.ints.u8;
  intsU32 = t.ints.u32;
  intsS8 = t.ints.s8;
  intsS16 = t.ints.s16;
  intsS32 = t.ints.s32;
  numbersBetween = t.numbers.between 0.5 2;
  numbersNonnegative = t.numbers.nonnegative;
  numbersPositive = t.numbers.positive;
  strMatching = t.strMatching "[a-z]+\n";
  separatedString = t.separatedString " | ";
  pathRelative = t.pathWith { absolute = false; };
  pathAny = t.pathWith { };
  pathNotInStore = t.pathWith { inStore = false; };
  passwdEntry = t.passwdEntry t.str;
  submodule = t.submodule { };
}
