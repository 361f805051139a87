let
  lib = import <modsvc-lib>;
  base = final: { a = 1; b = final.a + 1; };
  ext1 = final: prev: { a = prev.a + 10; };
  ext2 = final: prev: { c = final.b * 2; };
  extensible = lib.makeExtensible base;
  named = lib.makeExtensibleWithCustomName "grow" base;
in
{
  fix = (lib.fix (self: { x = 1; y = self.x + 1; })).y;
  fix' = builtins.attrNames (lib.fix' (self: { x = 1; }));
  unfix = (lib.fix' (self: { x = 1; y = self.x; })).__unfix__ { x = 5; };
  converge = lib.converge (x: if x > 10 then x else x * 2) 1;
  extends = lib.fix (lib.extends ext1 base);
  composeExtensions = lib.fix (lib.extends (lib.composeExtensions ext1 ext2) base);
  composeManyExtensions = lib.fix (lib.extends (lib.composeManyExtensions [ ext1 ext2 (final: prev: { d = prev.c + 1; }) ]) base);
  composeManyEmpty = lib.fix (lib.extends (lib.composeManyExtensions [ ]) base);
  makeExtensible = removeAttrs (extensible.extend ext1) [ "extend" "__unfix__" ];
  makeExtensibleTwice = removeAttrs ((extensible.extend ext1).extend ext2) [ "extend" "__unfix__" ];
  makeExtensibleNames = builtins.attrNames extensible;
  customName = removeAttrs (named.grow ext1) [ "grow" "__unfix__" ];
  toExtensionSet = lib.fix (lib.extends (lib.toExtension { z = 0; }) base);
  toExtensionOneArg = lib.fix (lib.extends (lib.toExtension (prev: { a = prev.a + 100; })) base);
  toExtensionTwoArgs = lib.fix (lib.extends (lib.toExtension ext1) base);
  libExtend = ((import <modsvc-lib>).extend (final: prev: { id = x: "patched"; })).id 1;
  libExtendSeenInside = ((import <modsvc-lib>).extend (final: prev: { trivial = prev.trivial // { id = x: "patched"; }; })).trivial.id 1;
  libExtendChained = let l = ((import <modsvc-lib>).extend (final: prev: { q = 1; })).extend (final: prev: { r = prev.q + 1; }); in [ l.q l.r ];
}
