# Version-string helpers (nixpkgs' lib.versions).
{ lib }:
let
  b = builtins;
  part = i: v: b.elemAt (b.splitVersion v) i;
in
{
  inherit (b) compareVersions splitVersion;
  major = part 0;
  minor = part 1;
  patch = part 2;
  majorMinor = v: b.concatStringsSep "." (lib.lists.take 2 (b.splitVersion v));
  # Pads or truncates the dotted numeric part to n components; a "-suffix" is kept.
  pad =
    n: v:
    let
      numeric = b.head (lib.strings.splitString "-" v);
      suffix = lib.strings.removePrefix numeric v;
    in
    b.concatStringsSep "." (lib.lists.take n (b.splitVersion numeric ++ b.genList (_: "0") n)) + suffix;
}
