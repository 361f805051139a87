# Sets `configData.<n>.path' to `<root>/<dash-prefix>/<name>' at every level (docs/upstream.md §2.6, §5.4),
# re-declaring `services' so that sub-services get the module with their longer prefix.
{ root, parentPrefix, parentLoc }:
{ lib, name, ... }:
let
  names = import ../portable/names.nix { inherit lib; };
  loc = parentLoc ++ [ name ];
  prefix = names.dash parentPrefix (names.checkUnitPart "service name" (lib.showOption loc) name);
in
{
  _class = "service";
  options.services = lib.mkOption {
    type = lib.types.attrsOf (
      lib.types.submoduleWith {
        class = "service";
        modules = [
          (lib.modules.importApply ./config-data-path.nix {
            inherit root;
            parentPrefix = prefix;
            parentLoc = loc ++ [ "services" ];
          })
        ];
      }
    );
  };
  options.configData = lib.mkOption {
    type = lib.types.lazyAttrsOf (
      lib.types.submodule (
        { name, config, ... }:
        {
          path = lib.mkDefault "${root}/${prefix}/${
            names.checkConfigDataName (lib.showOption (loc ++ [ "configData" name "name" ])) config.name
          }";
        }
      )
    );
  };
}
