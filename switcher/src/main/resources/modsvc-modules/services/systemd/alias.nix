# `from' as an alias of `to' whose forwarded definitions keep the file they were written in.
# lib.mkAliasOptionModule re-defines them in the module that declares the alias (ours), so a
# conflict or type error under `systemd.service' would name our file twice instead of the user's
# two files. lib.mkDefinition (nixpkgs 25.05+, ours) carries the file through; a lib without it,
# or whose doRename cannot leave the forwarding to us, gets the plain alias.
{ lib }:
from: to:
let
  canKeepFiles = lib ? mkDefinition && (lib.functionArgs lib.doRename) ? condition;
  # The option `from' as mkAliasOptionModule declares it, without its forwarding.
  declaration = lib.doRename {
    inherit from to;
    visible = true;
    warn = false;
    use = x: x;
    condition = false;
  };
  forwarding =
    { options, ... }:
    let
      fromOpt = lib.getAttrFromPath from options;
      # As mkAliasAndWrapDefsWithPriority: every forwarded definition at the alias' priority.
      priority = fromOpt.highestPrio or lib.modules.defaultOverridePriority or 100;
      keepFile = d: lib.mkDefinition {
        inherit (d) file;
        value = lib.mkOverride priority d.value;
      };
    in
    {
      config = lib.mkIf fromOpt.isDefined (
        lib.setAttrByPath to (lib.mkMerge (map keepFile fromOpt.definitionsWithLocations))
      );
    };
in
if canKeepFiles then { imports = [ declaration forwarding ]; } else lib.mkAliasOptionModule from to
