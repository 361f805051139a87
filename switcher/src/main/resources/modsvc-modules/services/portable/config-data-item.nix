# One `configData.<n>' entry. The integration alone sets `path' (readOnly), so a user
# definition of it collides with the integration's and fails.
pkgs:
{ lib, name, config, options, ... }:
let
  inherit (lib) mkOption types;
in
{
  options = {
    enable = mkOption {
      type = types.bool;
      default = true;
      description = "Whether this file is generated.";
    };
    name = mkOption {
      type = types.str;
      description = "File name relative to the service's configuration directory; may contain `/'.";
    };
    path = mkOption {
      type = types.str;
      readOnly = true;
      description = "Where the service finds the file; set by the service manager integration.";
    };
    text = mkOption {
      type = types.nullOr types.lines;
      default = null;
      description = "Inline content; `source' is derived from it.";
    };
    source = mkOption {
      type = types.path;
      description = "The file or directory to expose.";
    };
  };
  config = {
    name = lib.mkDefault name;
    # Derived at the priority of `text', so `text' and an explicit `source' at the same
    # priority conflict instead of one silently winning.
    source = lib.mkIf (config.text != null) (
      lib.mkOverride options.text.highestPrio (
        pkgs.writeText ("service-configdata-" + lib.replaceStrings [ "/" ] [ "-" ] name) config.text
      )
    );
  };
}
