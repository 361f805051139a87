# The `assertions' and `warnings' options, as NixOS's generic assertions module declares them;
# shared by the top level and every service level, which only word their descriptions differently.
{ lib, assertionsDescription, warningsDescription }:
let
  inherit (lib) mkOption types;
in
{
  assertions = mkOption {
    type = types.listOf (
      types.submodule {
        options.assertion = mkOption { type = types.bool; };
        options.message = mkOption { type = types.str; };
      }
    );
    default = [ ];
    description = assertionsDescription;
  };
  warnings = mkOption {
    type = types.listOf types.str;
    default = [ ];
    description = warningsDescription;
  };
}
