# Composed descriptions: parentheses appear exactly where the inner phrase
# would otherwise be ambiguous (optionDescriptionPhrase).
let
  lib = import ./lib.nix;
  t = lib.types;
in
map (type: type.description) [
  (t.listOf (t.attrsOf (t.either t.int t.str)))
  (t.listOf (t.listOf t.int))
  (t.attrsOf (t.nullOr t.str))
  (t.lazyAttrsOf (t.listOf t.bool))
  (t.nullOr (t.either t.int t.str))
  (t.nullOr (t.listOf t.int))
  (t.either (t.nullOr t.int) t.str)
  (t.either t.str (t.listOf t.str))
  (t.either (t.listOf t.str) t.str)
  (t.either t.ints.positive t.str)
  (t.either t.str t.ints.positive)
  (t.oneOf [ t.int t.str t.bool ])
  (t.functionTo (t.attrsOf t.int))
  (t.functionTo (t.nullOr t.int))
  (t.nonEmptyListOf t.str)
  (t.uniq (t.listOf t.str))
  (t.unique { message = "only once"; } t.int)
  (t.coercedTo t.int toString t.str)
  (t.coercedTo (t.listOf t.str) lib.concatLines (t.nullOr t.str))
  (t.enum [ ])
  (t.enum [ "a" ])
  (t.enum [ "a" 1 true null ])
  (t.listOf (t.enum [ "x" "y" ]))
  (t.nullOr (t.enum [ "x" "y" ]))
  (t.attrTag {
    left = lib.mkOption { type = t.int; };
    "right side" = lib.mkOption { type = t.str; };
  })
  (t.attrListOf t.int)
  (t.attrListOf (t.nullOr t.int))
  (t.attrsWith {
    elemType = t.int;
    placeholder = "user";
  })
  (t.attrsWith {
    elemType = t.str;
    lazy = true;
  })
  (t.submodule { freeformType = t.attrsOf t.str; })
  (t.submodule { freeformType = t.lazyAttrsOf (t.either t.int t.str); })
  (t.submoduleWith {
    modules = [ ];
    description = "service definition";
  })
  (t.listOf (t.submodule { }))
  (t.passwdEntry (t.either t.str t.int))
  (t.addCheck t.str (s: s != "x"))
]
