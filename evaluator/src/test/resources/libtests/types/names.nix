# Type names, which the module system shows in deprecation and merge errors.
let
  lib = import ./lib.nix;
  t = lib.types;
in
map (type: type.name) [
  t.anything
  t.raw
  t.bool
  t.int
  (t.ints.between 1 2)
  t.ints.unsigned
  t.ints.positive
  t.ints.u16
  t.ints.s8
  t.port
  t.float
  t.number
  (t.numbers.between 1 2)
  t.numbers.nonnegative
  t.numbers.positive
  t.str
  t.nonEmptyStr
  t.singleLineStr
  (t.strMatching "a\"b")
  t.lines
  t.attrs
  t.package
  t.shellPackage
  t.pkgs
  t.path
  t.externalPath
  (t.listOf t.int)
  (t.nonEmptyListOf t.int)
  (t.attrsOf t.int)
  (t.lazyAttrsOf t.int)
  (t.attrListOf t.int)
  (t.nullOr t.int)
  (t.uniq t.int)
  (t.functionTo t.int)
  (t.submodule { })
  t.deferredModule
  (t.enum [ ])
  (t.either t.int t.str)
  (t.coercedTo t.int toString t.str)
  (t.attrTag { })
  (t.passwdEntry t.str)
  t.optionType
]
