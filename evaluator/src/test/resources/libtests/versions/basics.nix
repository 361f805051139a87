let lib = import <modsvc-lib>; v = "1.2.3-rc1"; in
{
  major = lib.versions.major v;
  minor = lib.versions.minor v;
  patch = lib.versions.patch v;
  majorMinor = lib.versions.majorMinor v;
  splitVersion = [ (lib.versions.splitVersion "1.2.3") (lib.splitVersion "2023-01-beta") ];
  compareVersions = [ (lib.compareVersions "1.0" "1.1") (lib.versions.compareVersions "2.0" "1.9") (lib.compareVersions "1" "1") ];
  pad = [ (lib.versions.pad 3 "1.2") (lib.versions.pad 2 "1.2.3") (lib.versions.pad 3 "1.2-beta") (lib.versions.pad 1 "5") ];
}
