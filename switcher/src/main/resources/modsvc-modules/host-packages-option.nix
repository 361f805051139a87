# `modsvc.hostPackages': per-host facts about host packages (docs/decisions.md §3), overriding the table
# shipped with the agent (pkgs/host-packages.nix). The entry (evaluation.nix) hands the value to
# `pkgs', which reads it only when a package's tree or main program is needed.
{ lib, ... }:
let
  inherit (lib) mkOption types;
  names = types.coercedTo types.str lib.toList (types.listOf types.str);
in
{
  options.modsvc.hostPackages = mkOption {
    type = types.attrsOf (
      types.submodule {
        options = {
          debian = mkOption {
            type = types.nullOr names;
            default = null;
            description = "The Debian packages that provide it (replacing the shipped facts); `[ ]` when none does.";
          };
          mainProgram = mkOption {
            type = types.nullOr types.str;
            default = null;
            description = "Its `meta.mainProgram` (what `lib.getExe` runs), when not the shipped one.";
          };
          programs = mkOption {
            type = types.attrsOf names;
            default = { };
            description = ''
              `bin/<name>` links: the program file (an absolute path, or a name found in the package's
              programs or on PATH), or candidates of which the first found is taken.
            '';
          };
        };
      }
    );
    default = { };
    example = lib.literalExpression ''{ php = { debian = "php8.2-fpm"; programs.php-fpm = "/usr/sbin/php-fpm8.2"; }; }'';
    description = ''
      Host packages whose Debian package or program names this host has differently from the facts
      shipped with the agent; `pkgs.<name>` is built from these.
    '';
  };
}
