# A lib without mkDefinition (nixpkgs before 25.05) still gets a working alias, the plain one: definitions
# of `from' reach `to' with their priorities.
{
  direct = lib: pkgs:
    let
      alias = import ../../../main/resources/modsvc-modules/services/systemd/alias.nix {
        lib = builtins.removeAttrs lib [ "mkDefinition" ];
      };
      r = lib.evalModules {
        modules = [
          (alias [ "a" ] [ "b" "" ])
          { options.b = lib.mkOption { type = lib.types.lazyAttrsOf lib.types.str; }; }
          { a = lib.mkDefault "x"; }
          { b."" = "y"; }
        ];
      };
    in
    r.config.b;
}
