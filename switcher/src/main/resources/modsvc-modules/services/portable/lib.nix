# `configure', `getAssertions', `getWarnings' (docs/upstream.md §3), as nixpkgs' lib/services/lib.nix.
{ lib }:
rec {
  # Depth first: a level's own entries, then each sub-service in attribute-name order.
  flattenMapServicesConfigToList =
    f: loc: config:
    f loc config
    ++ lib.concatLists (
      lib.mapAttrsToList (k: v: flattenMapServicesConfigToList f (loc ++ [ "services" k ]) v) config.services
    );

  getWarnings = flattenMapServicesConfigToList (
    loc: config: map (w: "in ${lib.showOption loc}: ${w}") config.warnings
  );

  getAssertions = flattenMapServicesConfigToList (
    loc: config:
    map (a: {
      inherit (a) assertion;
      message = "in ${lib.showOption loc}: ${a.message}";
    }) config.assertions
  );

  configure =
    {
      serviceManagerPkgs ? null,
      baseModules ? null,
      extraRootModules ? [ ],
      extraRootSpecialArgs ? { },
    }:
    let
      base =
        if baseModules != null then
          baseModules
        else if serviceManagerPkgs == null then
          throw "modsvc: services.configure needs `serviceManagerPkgs' (or `baseModules')"
        else
          [ (lib.modules.importApply ./service.nix { pkgs = serviceManagerPkgs; }) ];
    in
    {
      serviceSubmodule = lib.types.submoduleWith {
        class = "service";
        modules = base ++ extraRootModules;
        specialArgs = extraRootSpecialArgs;
      };
    };
}
