package org.modsvc.nix.format;

import java.util.List;

/**
 * TOML documents of the corpus tests eval-okay-fromTOML*.nix and eval-fail-fromTOML-timestamps.nix,
 * verbatim.
 */
final class TomlCorpus {

  private TomlCorpus() {}

  static final List<String> OKAY_FROMTOML =
      List.of(
"""
# This is a TOML document.

title = "TOML Example"

[owner]
name = "Tom Preston-Werner"
#dob = 1979-05-27T07:32:00-08:00 # First class dates

[database]
server = "192.168.1.1"
ports = [ 8001, 8001, 8002 ]
connection_max = 5000
enabled = true

[servers]

  # Indentation (tabs and/or spaces) is allowed but not required
  [servers.alpha]
  ip = "10.0.0.1"
  dc = "eqdc10"

  [servers.beta]
  ip = "10.0.0.2"
  dc = "eqdc10"

[clients]
data = [ ["gamma", "delta"], [1, 2] ]

# Line breaks are OK when inside arrays
hosts = [
  "alpha",
  "omega"
]
""",
"""
key = "value"
bare_key = "value"
bare-key = "value"
1234 = "value"

"127.0.0.1" = "value"
"character encoding" = "value"
"ʎǝʞ" = "value"
'key2' = "value"
'quoted "value"' = "value"

name = "Orange"

physical.color = "orange"
physical.shape = "round"
site."google.com" = true

# This is legal according to the spec, but cpptoml doesn't handle it.
#a.b.c = 1
#a.d = 2

str = "I'm a string. \\"You can quote me\\". Name\\tJos\\u00E9\\nLocation\\tSF."

int1 = +99
int2 = 42
int3 = 0
int4 = -17
int5 = 1_000
int6 = 5_349_221
int7 = 1_2_3_4_5

hex1 = 0xDEADBEEF
hex2 = 0xdeadbeef
hex3 = 0xdead_beef

oct1 = 0o01234567
oct2 = 0o755

bin1 = 0b11010110

flt1 = +1.0
flt2 = 3.1415
flt3 = -0.01
flt4 = 5e+22
flt5 = 1e6
flt6 = -2E-2
flt7 = 6.626e-34
flt8 = 9_224_617.445_991_228_313

bool1 = true
bool2 = false

# FIXME: not supported because Nix doesn't have a date/time type.
#odt1 = 1979-05-27T07:32:00Z
#odt2 = 1979-05-27T00:32:00-07:00
#odt3 = 1979-05-27T00:32:00.999999-07:00
#odt4 = 1979-05-27 07:32:00Z
#ldt1 = 1979-05-27T07:32:00
#ldt2 = 1979-05-27T00:32:00.999999
#ld1 = 1979-05-27
#lt1 = 07:32:00
#lt2 = 00:32:00.999999

arr1 = [ 1, 2, 3 ]
arr2 = [ "red", "yellow", "green" ]
arr3 = [ [ 1, 2 ], [3, 4, 5] ]
arr4 = [ "all", 'strings', \"""are the same\""", '''type''']
arr5 = [ [ 1, 2 ], ["a", "b", "c"] ]

arr7 = [
  1, 2, 3
]

arr8 = [
  1,
  2, # this is ok
]

[table-1]
key1 = "some string"
key2 = 123


[table-2]
key1 = "another string"
key2 = 456

[dog."tater.man"]
type.name = "pug"

[a.b.c]
[ d.e.f ]
[ g .  h  . i ]
[ j . "ʞ" . 'l' ]
[x.y.z.w]

name = { first = "Tom", last = "Preston-Werner" }
point = { x = 1, y = 2 }
animal = { type.name = "pug" }

[[products]]
name = "Hammer"
sku = 738594937

[[products]]

[[products]]
name = "Nail"
sku = 284758393
color = "gray"

[[fruit]]
  name = "apple"

  [fruit.physical]
    color = "red"
    shape = "round"

  [[fruit.variety]]
    name = "red delicious"

  [[fruit.variety]]
    name = "granny smith"

[[fruit]]
  name = "banana"

  [[fruit.variety]]
    name = "plantain"
""",
"""
[[package]]
name = "aho-corasick"
version = "0.6.4"
source = "registry+https://github.com/rust-lang/crates.io-index"
dependencies = [
 "memchr 2.0.1 (registry+https://github.com/rust-lang/crates.io-index)",
]

[[package]]
name = "ansi_term"
version = "0.9.0"
source = "registry+https://github.com/rust-lang/crates.io-index"

[[package]]
name = "atty"
version = "0.2.10"
source = "registry+https://github.com/rust-lang/crates.io-index"
dependencies = [
 "libc 0.2.42 (registry+https://github.com/rust-lang/crates.io-index)",
 "termion 1.5.1 (registry+https://github.com/rust-lang/crates.io-index)",
 "winapi 0.3.5 (registry+https://github.com/rust-lang/crates.io-index)",
]

[metadata]
"checksum aho-corasick 0.6.4 (registry+https://github.com/rust-lang/crates.io-index)" = "d6531d44de723825aa81398a6415283229725a00fa30713812ab9323faa82fc4"
"checksum ansi_term 0.11.0 (registry+https://github.com/rust-lang/crates.io-index)" = "ee49baf6cb617b853aa8d93bf420db2383fab46d314482ca2803b40d5fde979b"
"checksum ansi_term 0.9.0 (registry+https://github.com/rust-lang/crates.io-index)" = "23ac7c30002a5accbf7e8987d0632fa6de155b7c3d39d0067317a391e00a2ef6"
"checksum arrayvec 0.4.7 (registry+https://github.com/rust-lang/crates.io-index)" = "a1e964f9e24d588183fcb43503abda40d288c8657dfc27311516ce2f05675aef"
""",
"""
a = [[{ b = true }]]
c = [ [ { d = true } ] ]
e = [[123]]
""");

  static final List<String> OKAY_FROMTOML_TIMESTAMPS =
      List.of(
"""
key = "value"
bare_key = "value"
bare-key = "value"
1234 = "value"

"127.0.0.1" = "value"
"character encoding" = "value"
"ʎǝʞ" = "value"
'key2' = "value"
'quoted "value"' = "value"

name = "Orange"

physical.color = "orange"
physical.shape = "round"
site."google.com" = true

# This is legal according to the spec, but cpptoml doesn't handle it.
#a.b.c = 1
#a.d = 2

str = "I'm a string. \\"You can quote me\\". Name\\tJos\\u00E9\\nLocation\\tSF."

int1 = +99
int2 = 42
int3 = 0
int4 = -17
int5 = 1_000
int6 = 5_349_221
int7 = 1_2_3_4_5

hex1 = 0xDEADBEEF
hex2 = 0xdeadbeef
hex3 = 0xdead_beef

oct1 = 0o01234567
oct2 = 0o755

bin1 = 0b11010110

flt1 = +1.0
flt2 = 3.1415
flt3 = -0.01
flt4 = 5e+22
flt5 = 1e6
flt6 = -2E-2
flt7 = 6.626e-34
flt8 = 9_224_617.445_991_228_313

bool1 = true
bool2 = false

odt1 = 1979-05-27T07:32:00Z
odt2 = 1979-05-27T00:32:00-07:00
odt3 = 1979-05-27T00:32:00.999999-07:00
odt4 = 1979-05-27 07:32:00Z
# milliseconds
odt5 = 1979-05-27 07:32:00.1Z
odt6 = 1979-05-27 07:32:00.12Z
odt7 = 1979-05-27 07:32:00.123Z
# microseconds
odt8 = 1979-05-27t07:32:00.1234Z
odt9 = 1979-05-27t07:32:00.12345Z
odt10 = 1979-05-27t07:32:00.123456Z
# nanoseconds
odt11 = 1979-05-27 07:32:00.1234567Z
odt12 = 1979-05-27 07:32:00.12345678Z
odt13 = 1979-05-27 07:32:00.123456789Z
# no more precision after nanoseconds
odt14 = 1979-05-27t07:32:00.1234567891Z

ldt1 = 1979-05-27T07:32:00
# milliseconds
ldt2 = 1979-05-27T07:32:00.1
ldt3 = 1979-05-27T07:32:00.12
ldt4 = 1979-05-27T07:32:00.123
# microseconds
ldt5 = 1979-05-27t00:32:00.1234
ldt6 = 1979-05-27t00:32:00.12345
ldt7 = 1979-05-27t00:32:00.123456
# nanoseconds
ldt8 = 1979-05-27 00:32:00.1234567
ldt9 = 1979-05-27 00:32:00.12345678
ldt10 = 1979-05-27 00:32:00.123456789
# no more precision after nanoseconds
ldt11 = 1979-05-27t00:32:00.1234567891

ld1 = 1979-05-27
lt1 = 07:32:00
# milliseconds
lt2 = 00:32:00.1
lt3 = 00:32:00.12
lt4 = 00:32:00.123
# microseconds
lt5 = 00:32:00.1234
lt6 = 00:32:00.12345
lt7 = 00:32:00.123456
# nanoseconds
lt8 = 00:32:00.1234567
lt9 = 00:32:00.12345678
lt10 = 00:32:00.123456789
# no more precision after nanoseconds
lt11 = 00:32:00.1234567891

arr1 = [ 1, 2, 3 ]
arr2 = [ "red", "yellow", "green" ]
arr3 = [ [ 1, 2 ], [3, 4, 5] ]
arr4 = [ "all", 'strings', \"""are the same\""", '''type''']
arr5 = [ [ 1, 2 ], ["a", "b", "c"] ]

arr7 = [
  1, 2, 3
]

arr8 = [
  1,
  2, # this is ok
]

[table-1]
key1 = "some string"
key2 = 123


[table-2]
key1 = "another string"
key2 = 456

[dog."tater.man"]
type.name = "pug"

[a.b.c]
[ d.e.f ]
[ g .  h  . i ]
[ j . "ʞ" . 'l' ]
[x.y.z.w]

name = { first = "Tom", last = "Preston-Werner" }
point = { x = 1, y = 2 }
animal = { type.name = "pug" }

[[products]]
name = "Hammer"
sku = 738594937

[[products]]

[[products]]
name = "Nail"
sku = 284758393
color = "gray"

[[fruit]]
  name = "apple"

  [fruit.physical]
    color = "red"
    shape = "round"

  [[fruit.variety]]
    name = "red delicious"

  [[fruit.variety]]
    name = "granny smith"

[[fruit]]
  name = "banana"

  [[fruit.variety]]
    name = "plantain"
""");

  static final List<String> FAIL_FROMTOML_TIMESTAMPS =
      List.of(
"""
key = "value"
bare_key = "value"
bare-key = "value"
1234 = "value"

"127.0.0.1" = "value"
"character encoding" = "value"
"ʎǝʞ" = "value"
'key2' = "value"
'quoted "value"' = "value"

name = "Orange"

physical.color = "orange"
physical.shape = "round"
site."google.com" = true

# This is legal according to the spec, but cpptoml doesn't handle it.
#a.b.c = 1
#a.d = 2

str = "I'm a string. \\"You can quote me\\". Name\\tJos\\u00E9\\nLocation\\tSF."

int1 = +99
int2 = 42
int3 = 0
int4 = -17
int5 = 1_000
int6 = 5_349_221
int7 = 1_2_3_4_5

hex1 = 0xDEADBEEF
hex2 = 0xdeadbeef
hex3 = 0xdead_beef

oct1 = 0o01234567
oct2 = 0o755

bin1 = 0b11010110

flt1 = +1.0
flt2 = 3.1415
flt3 = -0.01
flt4 = 5e+22
flt5 = 1e6
flt6 = -2E-2
flt7 = 6.626e-34
flt8 = 9_224_617.445_991_228_313

bool1 = true
bool2 = false

odt1 = 1979-05-27T07:32:00Z
odt2 = 1979-05-27T00:32:00-07:00
odt3 = 1979-05-27T00:32:00.999999-07:00
odt4 = 1979-05-27 07:32:00Z
ldt1 = 1979-05-27T07:32:00
ldt2 = 1979-05-27T00:32:00.999999
ld1 = 1979-05-27
lt1 = 07:32:00
lt2 = 00:32:00.999999

arr1 = [ 1, 2, 3 ]
arr2 = [ "red", "yellow", "green" ]
arr3 = [ [ 1, 2 ], [3, 4, 5] ]
arr4 = [ "all", 'strings', \"""are the same\""", '''type''']
arr5 = [ [ 1, 2 ], ["a", "b", "c"] ]

arr7 = [
  1, 2, 3
]

arr8 = [
  1,
  2, # this is ok
]

[table-1]
key1 = "some string"
key2 = 123


[table-2]
key1 = "another string"
key2 = 456

[dog."tater.man"]
type.name = "pug"

[a.b.c]
[ d.e.f ]
[ g .  h  . i ]
[ j . "ʞ" . 'l' ]
[x.y.z.w]

name = { first = "Tom", last = "Preston-Werner" }
point = { x = 1, y = 2 }
animal = { type.name = "pug" }

[[products]]
name = "Hammer"
sku = 738594937

[[products]]

[[products]]
name = "Nail"
sku = 284758393
color = "gray"

[[fruit]]
  name = "apple"

  [fruit.physical]
    color = "red"
    shape = "round"

  [[fruit.variety]]
    name = "red delicious"

  [[fruit.variety]]
    name = "granny smith"

[[fruit]]
  name = "banana"

  [[fruit.variety]]
    name = "plantain"
""");

  /** Expected value printed by Nix ({@code eval-okay-fromTOML.exp}). */
  static final String OKAY_FROMTOML_EXP =
      "[ { clients = { data = [ [ \"gamma\" \"delta\" ] [ 1 2 ] ]; hosts = [ \"alpha\" \"omega\" ]; }; database = { connection_max = 5000; enabled = true; ports = [ 8001 8001 8002 ]; server = \"192.168.1.1\"; }; owner = { name = \"Tom Preston-Werner\"; }; servers = { alpha = { dc = \"eqdc10\"; ip = \"10.0.0.1\"; }; beta = { dc = \"eqdc10\"; ip = \"10.0.0.2\"; }; }; title = \"TOML Example\"; } { \"1234\" = \"value\"; \"127.0.0.1\" = \"value\"; a = { b = { c = { }; }; }; arr1 = [ 1 2 3 ]; arr2 = [ \"red\" \"yellow\" \"green\" ]; arr3 = [ [ 1 2 ] [ 3 4 5 ] ]; arr4 = [ \"all\" \"strings\" \"are the same\" \"type\" ]; arr5 = [ [ 1 2 ] [ \"a\" \"b\" \"c\" ] ]; arr7 = [ 1 2 3 ]; arr8 = [ 1 2 ]; bare-key = \"value\"; bare_key = \"value\"; bin1 = 214; bool1 = true; bool2 = false; \"character encoding\" = \"value\"; d = { e = { f = { }; }; }; dog = { \"tater.man\" = { type = { name = \"pug\"; }; }; }; flt1 = 1; flt2 = 3.1415; flt3 = -0.01; flt4 = 5e+22; flt5 = 1e+06; flt6 = -0.02; flt7 = 6.626e-34; flt8 = 9.22462e+06; fruit = [ { name = \"apple\"; physical = { color = \"red\"; shape = \"round\"; }; variety = [ { name = \"red delicious\"; } { name = \"granny smith\"; } ]; } { name = \"banana\"; variety = [ { name = \"plantain\"; } ]; } ]; g = { h = { i = { }; }; }; hex1 = 3735928559; hex2 = 3735928559; hex3 = 3735928559; int1 = 99; int2 = 42; int3 = 0; int4 = -17; int5 = 1000; int6 = 5349221; int7 = 12345; j = { \"ʞ\" = { l = { }; }; }; key = \"value\"; key2 = \"value\"; name = \"Orange\"; oct1 = 342391; oct2 = 493; physical = { color = \"orange\"; shape = \"round\"; }; products = [ { name = \"Hammer\"; sku = 738594937; } { } { color = \"gray\"; name = \"Nail\"; sku = 284758393; } ]; \"quoted \\\"value\\\"\" = \"value\"; site = { \"google.com\" = true; }; str = \"I'm a string. \\\"You can quote me\\\". Name\\tJosé\\nLocation\\tSF.\"; table-1 = { key1 = \"some string\"; key2 = 123; }; table-2 = { key1 = \"another string\"; key2 = 456; }; x = { y = { z = { w = { animal = { type = { name = \"pug\"; }; }; name = { first = \"Tom\"; last = \"Preston-Werner\"; }; point = { x = 1; y = 2; }; }; }; }; }; \"ʎǝʞ\" = \"value\"; } { metadata = { \"checksum aho-corasick 0.6.4 (registry+https://github.com/rust-lang/crates.io-index)\" = \"d6531d44de723825aa81398a6415283229725a00fa30713812ab9323faa82fc4\"; \"checksum ansi_term 0.11.0 (registry+https://github.com/rust-lang/crates.io-index)\" = \"ee49baf6cb617b853aa8d93bf420db2383fab46d314482ca2803b40d5fde979b\"; \"checksum ansi_term 0.9.0 (registry+https://github.com/rust-lang/crates.io-index)\" = \"23ac7c30002a5accbf7e8987d0632fa6de155b7c3d39d0067317a391e00a2ef6\"; \"checksum arrayvec 0.4.7 (registry+https://github.com/rust-lang/crates.io-index)\" = \"a1e964f9e24d588183fcb43503abda40d288c8657dfc27311516ce2f05675aef\"; }; package = [ { dependencies = [ \"memchr 2.0.1 (registry+https://github.com/rust-lang/crates.io-index)\" ]; name = \"aho-corasick\"; source = \"registry+https://github.com/rust-lang/crates.io-index\"; version = \"0.6.4\"; } { name = \"ansi_term\"; source = \"registry+https://github.com/rust-lang/crates.io-index\"; version = \"0.9.0\"; } { dependencies = [ \"libc 0.2.42 (registry+https://github.com/rust-lang/crates.io-index)\" \"termion 1.5.1 (registry+https://github.com/rust-lang/crates.io-index)\" \"winapi 0.3.5 (registry+https://github.com/rust-lang/crates.io-index)\" ]; name = \"atty\"; source = \"registry+https://github.com/rust-lang/crates.io-index\"; version = \"0.2.10\"; } ]; } { a = [ [ { b = true; } ] ]; c = [ [ { d = true; } ] ]; e = [ [ 123 ] ]; } ]";

  /** Expected value printed by Nix ({@code eval-okay-fromTOML-timestamps.exp}). */
  static final String OKAY_FROMTOML_TIMESTAMPS_EXP =
      "{ \"1234\" = \"value\"; \"127.0.0.1\" = \"value\"; a = { b = { c = { }; }; }; arr1 = [ 1 2 3 ]; arr2 = [ \"red\" \"yellow\" \"green\" ]; arr3 = [ [ 1 2 ] [ 3 4 5 ] ]; arr4 = [ \"all\" \"strings\" \"are the same\" \"type\" ]; arr5 = [ [ 1 2 ] [ \"a\" \"b\" \"c\" ] ]; arr7 = [ 1 2 3 ]; arr8 = [ 1 2 ]; bare-key = \"value\"; bare_key = \"value\"; bin1 = 214; bool1 = true; bool2 = false; \"character encoding\" = \"value\"; d = { e = { f = { }; }; }; dog = { \"tater.man\" = { type = { name = \"pug\"; }; }; }; flt1 = 1; flt2 = 3.1415; flt3 = -0.01; flt4 = 5e+22; flt5 = 1e+06; flt6 = -0.02; flt7 = 6.626e-34; flt8 = 9.22462e+06; fruit = [ { name = \"apple\"; physical = { color = \"red\"; shape = \"round\"; }; variety = [ { name = \"red delicious\"; } { name = \"granny smith\"; } ]; } { name = \"banana\"; variety = [ { name = \"plantain\"; } ]; } ]; g = { h = { i = { }; }; }; hex1 = 3735928559; hex2 = 3735928559; hex3 = 3735928559; int1 = 99; int2 = 42; int3 = 0; int4 = -17; int5 = 1000; int6 = 5349221; int7 = 12345; j = { \"ʞ\" = { l = { }; }; }; key = \"value\"; key2 = \"value\"; ld1 = { _type = \"timestamp\"; value = \"1979-05-27\"; }; ldt1 = { _type = \"timestamp\"; value = \"1979-05-27T07:32:00\"; }; ldt10 = { _type = \"timestamp\"; value = \"1979-05-27T00:32:00.123456789\"; }; ldt11 = { _type = \"timestamp\"; value = \"1979-05-27T00:32:00.123456789\"; }; ldt2 = { _type = \"timestamp\"; value = \"1979-05-27T07:32:00.100\"; }; ldt3 = { _type = \"timestamp\"; value = \"1979-05-27T07:32:00.120\"; }; ldt4 = { _type = \"timestamp\"; value = \"1979-05-27T07:32:00.123\"; }; ldt5 = { _type = \"timestamp\"; value = \"1979-05-27T00:32:00.123400\"; }; ldt6 = { _type = \"timestamp\"; value = \"1979-05-27T00:32:00.123450\"; }; ldt7 = { _type = \"timestamp\"; value = \"1979-05-27T00:32:00.123456\"; }; ldt8 = { _type = \"timestamp\"; value = \"1979-05-27T00:32:00.123456700\"; }; ldt9 = { _type = \"timestamp\"; value = \"1979-05-27T00:32:00.123456780\"; }; lt1 = { _type = \"timestamp\"; value = \"07:32:00\"; }; lt10 = { _type = \"timestamp\"; value = \"00:32:00.123456789\"; }; lt11 = { _type = \"timestamp\"; value = \"00:32:00.123456789\"; }; lt2 = { _type = \"timestamp\"; value = \"00:32:00.100\"; }; lt3 = { _type = \"timestamp\"; value = \"00:32:00.120\"; }; lt4 = { _type = \"timestamp\"; value = \"00:32:00.123\"; }; lt5 = { _type = \"timestamp\"; value = \"00:32:00.123400\"; }; lt6 = { _type = \"timestamp\"; value = \"00:32:00.123450\"; }; lt7 = { _type = \"timestamp\"; value = \"00:32:00.123456\"; }; lt8 = { _type = \"timestamp\"; value = \"00:32:00.123456700\"; }; lt9 = { _type = \"timestamp\"; value = \"00:32:00.123456780\"; }; name = \"Orange\"; oct1 = 342391; oct2 = 493; odt1 = { _type = \"timestamp\"; value = \"1979-05-27T07:32:00Z\"; }; odt10 = { _type = \"timestamp\"; value = \"1979-05-27T07:32:00.123456Z\"; }; odt11 = { _type = \"timestamp\"; value = \"1979-05-27T07:32:00.123456700Z\"; }; odt12 = { _type = \"timestamp\"; value = \"1979-05-27T07:32:00.123456780Z\"; }; odt13 = { _type = \"timestamp\"; value = \"1979-05-27T07:32:00.123456789Z\"; }; odt14 = { _type = \"timestamp\"; value = \"1979-05-27T07:32:00.123456789Z\"; }; odt2 = { _type = \"timestamp\"; value = \"1979-05-27T00:32:00-07:00\"; }; odt3 = { _type = \"timestamp\"; value = \"1979-05-27T00:32:00.999999-07:00\"; }; odt4 = { _type = \"timestamp\"; value = \"1979-05-27T07:32:00Z\"; }; odt5 = { _type = \"timestamp\"; value = \"1979-05-27T07:32:00.100Z\"; }; odt6 = { _type = \"timestamp\"; value = \"1979-05-27T07:32:00.120Z\"; }; odt7 = { _type = \"timestamp\"; value = \"1979-05-27T07:32:00.123Z\"; }; odt8 = { _type = \"timestamp\"; value = \"1979-05-27T07:32:00.123400Z\"; }; odt9 = { _type = \"timestamp\"; value = \"1979-05-27T07:32:00.123450Z\"; }; physical = { color = \"orange\"; shape = \"round\"; }; products = [ { name = \"Hammer\"; sku = 738594937; } { } { color = \"gray\"; name = \"Nail\"; sku = 284758393; } ]; \"quoted \\\"value\\\"\" = \"value\"; site = { \"google.com\" = true; }; str = \"I'm a string. \\\"You can quote me\\\". Name\\tJosé\\nLocation\\tSF.\"; table-1 = { key1 = \"some string\"; key2 = 123; }; table-2 = { key1 = \"another string\"; key2 = 456; }; x = { y = { z = { w = { animal = { type = { name = \"pug\"; }; }; name = { first = \"Tom\"; last = \"Preston-Werner\"; }; point = { x = 1; y = 2; }; }; }; }; }; \"ʎǝʞ\" = \"value\"; }";
}
