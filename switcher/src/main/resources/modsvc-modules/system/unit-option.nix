# The value type of `unitConfig'/`serviceConfig'/...: as NixOS' `unitOption', lists from several
# definitions are concatenated, and scalars must all be equal ("conflicting definition values").
{ lib }:
let
  isScalar = v: builtins.isBool v || builtins.isInt v || builtins.isFloat v || builtins.isString v || builtins.isPath v || lib.isDerivation v;
in
lib.mkOptionType {
  name = "systemd option";
  description = "systemd unit setting (bool, int, string, path, or a list of these)";
  check = v: isScalar v || (builtins.isList v && builtins.all (e: isScalar e) v);
  merge =
    loc: defs:
    if builtins.any (d: builtins.isList d.value) defs then
      builtins.concatMap (d: lib.toList d.value) defs
    else
      lib.mergeEqualOption loc defs;
}
