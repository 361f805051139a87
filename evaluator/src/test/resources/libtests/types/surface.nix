# Every attribute of lib.types that nixpkgs has, and the machinery that
# lib re-exports at top level is the same as in lib.types.
let
  lib = import ./lib.nix;
in
{
  names = builtins.attrNames lib.types;
  intsNames = builtins.attrNames lib.types.ints;
  numbersNames = builtins.attrNames lib.types.numbers;
  topLevel = [
    (lib.isType "a" { _type = "a"; })
    (lib.setType "b" { })
    (lib.isOptionType lib.types.str)
    (lib.defaultFunctor "str").name
    ((lib.defaultTypeMerge lib.types.str.functor lib.types.str.functor).name)
  ];
  mkOptionTypeTopLevel = (lib.mkOptionType { name = "x"; }).description;
  defaults = builtins.removeAttrs (lib.types.mkOptionType { name = "plain"; }) [
    "check"
    "merge"
    "getSubOptions"
    "substSubModules"
    "typeMerge"
    "functor"
  ];
  defaultFunctor = builtins.removeAttrs (lib.types.defaultFunctor "int") [ "type" "binOp" ];
  defaultFunctorType = (lib.types.defaultFunctor "int").type == lib.types.int;
  isType = [ (lib.types.isType "a" { _type = "a"; }) (lib.types.isType "a" { }) ];
  setType = lib.types.setType "t" { x = 1; };
  isOptionType = [ (lib.types.isOptionType lib.types.int) (lib.types.isOptionType { }) ];
  phrase = map (lib.types.optionDescriptionPhrase (c: c == "noun")) [ lib.types.int (lib.types.listOf lib.types.int) ];
}
