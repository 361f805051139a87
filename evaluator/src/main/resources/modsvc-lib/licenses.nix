# A small table of common licenses with nixpkgs' attribute names and fields.
{ lib }:
let
  entry =
    spdxId: fullName: extra:
    {
      inherit spdxId fullName;
      url = "https://spdx.org/licenses/${spdxId}.html";
      free = true;
      redistributable = true;
      deprecated = false;
    }
    // extra;
in
# shortName is the attribute name, as in nixpkgs.
builtins.mapAttrs (name: l: { shortName = name; } // l) {
  agpl3Only = entry "AGPL-3.0-only" "GNU Affero General Public License v3.0 only" { };
  agpl3Plus = entry "AGPL-3.0-or-later" "GNU Affero General Public License v3.0 or later" { };
  asl20 = entry "Apache-2.0" "Apache License 2.0" { };
  bsd2 = entry "BSD-2-Clause" ''BSD 2-clause "Simplified" License'' { };
  bsd3 = entry "BSD-3-Clause" ''BSD 3-clause "New" or "Revised" License'' { };
  bsl11 = entry "BUSL-1.1" "Business Source License 1.1" { free = false; };
  cc0 = entry "CC0-1.0" "Creative Commons Zero v1.0 Universal" { };
  epl20 = entry "EPL-2.0" "Eclipse Public License 2.0" { };
  gpl2Only = entry "GPL-2.0-only" "GNU General Public License v2.0 only" { };
  gpl2Plus = entry "GPL-2.0-or-later" "GNU General Public License v2.0 or later" { };
  gpl3Only = entry "GPL-3.0-only" "GNU General Public License v3.0 only" { };
  gpl3Plus = entry "GPL-3.0-or-later" "GNU General Public License v3.0 or later" { };
  isc = entry "ISC" "ISC License" { };
  lgpl21Only = entry "LGPL-2.1-only" "GNU Lesser General Public License v2.1 only" { };
  lgpl21Plus = entry "LGPL-2.1-or-later" "GNU Lesser General Public License v2.1 or later" { };
  lgpl3Only = entry "LGPL-3.0-only" "GNU Lesser General Public License v3.0 only" { };
  lgpl3Plus = entry "LGPL-3.0-or-later" "GNU Lesser General Public License v3.0 or later" { };
  mit = entry "MIT" "MIT License" { };
  mpl20 = entry "MPL-2.0" "Mozilla Public License 2.0" { };
  postgresql = entry "PostgreSQL" "PostgreSQL License" { };
  publicDomain = {
    fullName = "Public Domain";
    free = true;
    redistributable = true;
    deprecated = false;
  };
  unfree = {
    fullName = "Unfree";
    free = false;
    redistributable = false;
    deprecated = false;
  };
  unlicense = entry "Unlicense" "The Unlicense" { };
  zlib = entry "Zlib" "zlib License" { };
}
