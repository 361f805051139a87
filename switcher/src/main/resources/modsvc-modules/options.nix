# The documentation of every declared option of the evaluation, for `modsvc-agent options':
# `lib.optionAttrSetToDocList' entries (what NixOS' options.json is made from), sorted by name.
# Options declared with `visible = "shallow"' (system.services, home.services) hide their
# sub-options from that list, as upstream, where the service options are documented on their own
# page; here they are listed right after their option, one level deep.
args:
let
  inherit (args) lib;
  inherit (import ./evaluation.nix args) options;
  shallow = lib.filter (o: (o.visible or true) == "shallow") (lib.collect lib.isOption options);
  below = lib.concatMap (o: lib.optionAttrSetToDocList' o.loc (o.type.getSubOptions o.loc)) shallow;
in
lib.sort (a: b: a.name < b.name) (lib.optionAttrSetToDocList options ++ below)
