# A top-level module that declares `<optionLoc>' (system.services or home.services) and lifts
# every service level's unit modules into the top-level `systemd.services'/`systemd.sockets'
# under dash-joined names (docs/upstream.md §2.4). Unlike upstream, a name produced twice (inside the tree,
# or by the tree and a top-level `systemd.<kind>s' definition) is an error naming both.
{ optionLoc, configDataRoot, extraRootModules }:
{ lib, config, options, pkgs, modsvc, ... }:
let
  inherit (lib) mkOption types showOption;
  names = import ../portable/names.nix { inherit lib; };
  portable = import ../portable/lib.nix { inherit lib; };
  liftFile = "<modsvc>/services/systemd/lift.nix";
  root = configDataRoot modsvc;
  services = lib.attrByPath optionLoc { } config;

  serviceType =
    (portable.configure {
      serviceManagerPkgs = pkgs;
      extraRootModules = [
        ./service.nix
        (lib.modules.importApply ./config-data-path.nix {
          inherit root;
          parentPrefix = "";
          parentLoc = optionLoc;
        })
      ] ++ extraRootModules;
    }).serviceSubmodule;

  # Every service level, depth first: { loc; prefix; svc; }.
  levels =
    let
      walk =
        loc: parentPrefix: name: svc:
        let
          here = loc ++ [ name ];
          prefix = names.dash parentPrefix (names.checkUnitPart "service name" (showOption here) name);
        in
        [ { loc = here; inherit prefix svc; } ]
        ++ lib.concatLists (lib.mapAttrsToList (walk (here ++ [ "services" ]) prefix) svc.services);
    in
    lib.concatLists (lib.mapAttrsToList (walk optionLoc "") services);

  entriesOf =
    plural:
    lib.concatMap (
      level:
      lib.mapAttrsToList (
        k: module:
        let
          where = level.loc ++ [ "systemd" plural k ];
        in
        {
          name = names.dash level.prefix (if k == "" then "" else names.checkUnitPart "unit suffix" (showOption where) k);
          origin = showOption (if k == "" then level.loc else where);
          inherit module;
          primaryOf = if k == "" then level.svc else null;
        }
      ) level.svc.systemd.${plural}
    ) levels;

  enabledConfigData = svc: builtins.filter (c: c.enable) (builtins.attrValues svc.configData);

  # docs/decisions.md §5: configData sources trigger a reload when the unit can reload, else a restart.
  configDataTriggers =
    svc:
    { config, ... }:
    let
      sources = map (c: "${c.source}") (enabledConfigData svc);
      reload = config.serviceConfig.ExecReload or null;
      canReload = reload != null && reload != [ ] && reload != "";
      on = topConfig.modsvc.configDataTriggers && sources != [ ];
    in
    {
      reloadTriggers = lib.mkIf (on && canReload) sources;
      restartTriggers = lib.mkIf (on && !canReload) sources;
    };
  topConfig = config;

  lifted =
    kind: plural:
    let
      entries = entriesOf plural;
      byName = lib.groupBy (e: e.name) entries;
      topLevelNames = lib.concatMap (d: builtins.attrNames d.value) (
        builtins.filter (d: d.file != liftFile) options.systemd.${plural}.definitionsWithLocations
      );
      unitModule =
        e:
        let
          same = byName.${e.name};
        in
        if builtins.length same > 1 then
          throw "modsvc: the unit `${e.name}.${kind}' is defined twice: by ${(builtins.elemAt same 0).origin} and by ${(builtins.elemAt same 1).origin}"
        else if builtins.elem e.name topLevelNames then
          throw "modsvc: the unit `${e.name}.${kind}' is defined twice: by ${e.origin} and by ${showOption [ "systemd" plural e.name ]}"
        else
          # A function, so the unit type reads it as a module and not as shorthand config.
          { ... }:
          {
            imports = [ e.module ] ++ lib.optional (kind == "service" && e.primaryOf != null) (configDataTriggers e.primaryOf);
            config.origin = lib.mkOverride 900 e.origin;
          };
    in
    builtins.listToAttrs (map (e: lib.nameValuePair e.name (unitModule e)) entries);
in
{
  _file = liftFile;
  options = lib.setAttrByPath optionLoc (mkOption {
    type = types.attrsOf serviceType;
    default = { };
    visible = "shallow";
    description = "Modular services, lifted into systemd units.";
  });

  config = {
    systemd.services = lifted "service" "services";
    systemd.sockets = lifted "socket" "sockets";
    assertions = lib.concatLists (lib.mapAttrsToList (n: portable.getAssertions (optionLoc ++ [ n ])) services);
    warnings = lib.concatLists (lib.mapAttrsToList (n: portable.getWarnings (optionLoc ++ [ n ])) services);
    modsvc.configDataFiles = lib.concatMap (
      level:
      map (c: {
        service = level.prefix;
        origin = showOption level.loc;
        inherit (c) path;
        source = "${c.source}";
      }) (enabledConfigData level.svc)
    ) levels;
  };
}
