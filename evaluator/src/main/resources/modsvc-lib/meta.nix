# Helpers for derivation metadata (nixpkgs' lib.meta), including getExe's exact messages.
{ lib }:
let
  b = builtins;

  withMeta =
    extra: drv:
    if drv ? overrideAttrs then
      drv.overrideAttrs (old: { meta = (old.meta or { }) // extra; })
    else
      drv // { meta = (drv.meta or { }) // extra; };

  renamed = f: drv: drv // { name = f drv.name; };

  onDerivations = f: set: b.mapAttrs (_: v: if lib.attrsets.isDerivation v then f v else v) set;

  priority = p: withMeta { priority = p; };

  matchesPlatform =
    platform: entry:
    if b.isString entry then
      platform ? system && entry == platform.system
    else
      lib.attrsets.matchAttrs (if entry ? parsed then entry else { parsed = entry; }) platform;

  bySpdx = lib.attrsets.mapAttrs' (_: l: {
    name = l.spdxId;
    value = l;
  }) (lib.attrsets.filterAttrs (_: l: l ? spdxId) lib.licenses);

  bySpdxLower = lib.attrsets.mapAttrs' (id: l: {
    name = lib.strings.toLower id;
    value = l;
  }) bySpdx;

  spdxOr = id: fallback: bySpdxLower.${lib.strings.toLower id} or fallback;

  exeNamed =
    drv: name:
    assert lib.asserts.assertMsg (lib.attrsets.isDerivation drv)
      "lib.meta.getExe': The first argument is of type ${b.typeOf drv}, but it should be a derivation instead.";
    assert lib.asserts.assertMsg (b.isString name)
      "lib.meta.getExe': The second argument is of type ${b.typeOf name}, but it should be a string instead.";
    assert lib.asserts.assertMsg (b.match ".*/.*" name == null)
      "lib.meta.getExe': The second argument \"${name}\" is a nested path with a \"/\" character, but it should just be the name of the executable instead.";
    "${lib.attrsets.getBin drv}/bin/${name}";
in
{
  addMetaAttrs = withMeta;
  dontDistribute = withMeta { hydraPlatforms = [ ]; };
  setName = name: drv: drv // { inherit name; };
  updateName = renamed;
  appendToName =
    suffix:
    renamed (
      name:
      let
        parsed = b.parseDrvName name;
      in
      "${parsed.name}-${suffix}-${parsed.version}"
    );
  mapDerivationAttrset = onDerivations;
  defaultPriority = 5;
  setPrio = priority;
  lowPrio = priority 10;
  lowPrioSet = onDerivations (priority 10);
  hiPrio = priority (-10);
  hiPrioSet = onDerivations (priority (-10));
  platformMatch = matchesPlatform;
  availableOn =
    platform: pkg:
    (!(pkg ? meta.platforms) || b.any (matchesPlatform platform) pkg.meta.platforms)
    && (!(pkg ? meta.badPlatforms) || !(b.any (matchesPlatform platform) pkg.meta.badPlatforms));
  licensesSpdx = bySpdx;
  getLicenseFromSpdxId =
    id:
    spdxOr id (
      lib.warn "getLicenseFromSpdxId: No license with the given SPDX ID found: ${id}" {
        shortName = id;
        spdxId = id;
      }
    );
  getLicenseFromSpdxIdOr = spdxOr;
  getExe =
    drv:
    exeNamed drv (
      drv.meta.mainProgram or (lib.warn
        "getExe: Package ${lib.strings.escapeNixIdentifier drv.meta.name or drv.pname or drv.name} does not have the meta.mainProgram attribute. We'll assume that the main program has the same name for now, but this behavior is deprecated, because it leads to surprising errors when the assumption does not hold. If the package has a main program, please set `meta.mainProgram` in its definition to make this warning go away. Otherwise, if the package does not have a main program, or if you don't control its definition, use getExe' to specify the name to the program, such as lib.getExe' foo \"bar\"."
        (lib.strings.getName drv)
      )
    );
  getExe' = exeNamed;
  cpeFullVersionWithVendor = vendor: version: {
    inherit vendor version;
    update = "*";
  };
}
