let
  lib = import <modsvc-lib>;
  drv = { type = "derivation"; name = "hello-2.12"; pname = "hello"; outPath = "/nix/store/00000000000000000000000000000000-hello"; meta = { mainProgram = "hi"; description = "d"; }; };
  withOverride = { name = "x"; meta = { a = 1; }; overrideAttrs = f: { result = f { meta = { a = 1; }; }; }; };
  platform = { system = "x86_64-linux"; parsed = { kernel = { name = "linux"; }; cpu = { bits = 64; }; }; };
in
{
  addMetaAttrs = (lib.addMetaAttrs { license = "mit"; } drv).meta;
  addMetaAttrsOverride = (lib.addMetaAttrs { b = 2; } withOverride).result;
  dontDistribute = (lib.dontDistribute drv).meta.hydraPlatforms;
  setName = (lib.setName "renamed" drv).name;
  updateName = (lib.updateName (n: n + "-x") drv).name;
  appendToName = (lib.appendToName "wrapped" drv).name;
  mapDerivationAttrset = lib.mapAttrs (n: v: v.name or v) (lib.mapDerivationAttrset (d: d // { name = "mapped"; }) { a = drv; b = 1; });
  setPrio = (lib.setPrio 3 drv).meta.priority;
  lowPrio = (lib.lowPrio drv).meta.priority;
  hiPrio = (lib.hiPrio drv).meta.priority;
  lowPrioSet = (lib.lowPrioSet { a = drv; }).a.meta.priority;
  hiPrioSet = (lib.hiPrioSet { a = drv; }).a.meta.priority;
  defaultPriority = lib.meta.defaultPriority;
  platformMatch = [
    (lib.meta.platformMatch platform "x86_64-linux")
    (lib.meta.platformMatch platform "aarch64-linux")
    (lib.meta.platformMatch platform { kernel = { name = "linux"; }; })
    (lib.meta.platformMatch platform { parsed = { cpu = { bits = 32; }; }; })
  ];
  availableOn = [
    (lib.meta.availableOn platform drv)
    (lib.meta.availableOn platform (drv // { meta.platforms = [ "aarch64-linux" ]; }))
    (lib.meta.availableOn platform (drv // { meta.platforms = [ "x86_64-linux" ]; meta.badPlatforms = [ { kernel.name = "linux"; } ]; }))
  ];
  getExe = lib.getExe drv;
  getExe' = lib.getExe' drv "other";
  getExeBin = lib.getExe (drv // { bin = drv // { outPath = "/nix/store/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb-hello-bin"; }; });
  getLicenseFromSpdxId = (lib.getLicenseFromSpdxId "MIT").shortName;
  getLicenseFromSpdxIdLower = (lib.getLicenseFromSpdxId "mit").spdxId;
  getLicenseFromSpdxIdOr = [ (lib.getLicenseFromSpdxIdOr "Apache-2.0" null).spdxId (lib.getLicenseFromSpdxIdOr "NOPE-1.0" "fallback") ];
  licenses = [ lib.licenses.mit.spdxId lib.licenses.asl20.spdxId lib.licenses.gpl3Plus.spdxId lib.licenses.bsd3.spdxId lib.licenses.mit.free ];
}
