# Driver for one golden case: `case' is a file evaluating to
#   { mode ? "system"; modules = [ ... ]; select ? out: out; }
# (or `{ direct = lib: pkgs: value; }' for cases that do not go through eval.nix).
# `select' picks the part of the output contract the case checks; `show' helpers make unit
# files readable as a list of lines.
{ case }:
let
  lib = import <modsvc-lib>;
  pkgs = import ./pkgs.nix { inherit lib; };
  c = import case;
  mode = c.mode or "system";
  out = import ../../../main/resources/modsvc-modules/eval.nix {
    inherit lib pkgs;
    modsvc = {
      inherit mode;
      version = "test";
      paths = lib.optionalAttrs (mode == "user") { xdgConfigHome = "/home/u/.config"; };
    };
    modules = c.modules;
  };
  # A unit as file lines: "[Section]" headers followed by "Key=Value".
  text =
    u:
    lib.concatMap (
      s: [ "[${s}]" ] ++ map (l: "${l.key}=${l.value}") (builtins.filter (l: l.section == s) u.lines)
    ) u.sections;
  links =
    name: u:
    map (t: "${t}.wants/${name}") u.wantedBy
    ++ map (t: "${t}.requires/${name}") u.requiredBy
    ++ map (t: "${t}.upholds/${name}") u.upheldBy;
  show = {
    inherit text links;
    unit = name: text out.units.${name};
    names = builtins.attrNames out.units;
  };
in
if c ? direct then c.direct lib pkgs else (c.select or (o: _: o)) out show
