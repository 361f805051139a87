# Fixed points and extension (overlay) composition, as nixpkgs' lib.fixedPoints.
{ lib }:
let
  fixOf = f: let x = f x; in x;

  # An overlay may be a plain attrset, a one-argument function or the usual final: prev: form.
  asExtension =
    e:
    if lib.isFunction e then
      final: prev:
      let
        r = e prev;
      in
      if lib.isFunction r then e final prev else r
    else
      _: _: e;

  overlay = g: base: final: let prev = base final; in prev // g final prev;

  extensible =
    extName: rattrs:
    lib.fixedPoints.fix' (
      self:
      rattrs self
      // {
        ${extName} = f: extensible extName (overlay f rattrs);
      }
    );
in
{
  fix = fixOf;
  fix' = f: let x = f x // { __unfix__ = f; }; in x;
  converge = f: x: let y = f x; in if x == y then x else lib.fixedPoints.converge f y;
  extends = overlay;
  composeExtensions =
    f: g: final: prev:
    let
      fApplied = f final prev;
      prev' = prev // fApplied;
    in
    fApplied // g final prev';
  composeManyExtensions = builtins.foldl' (acc: e: lib.fixedPoints.composeExtensions acc e) (_: _: { });
  makeExtensible = extensible "extend";
  makeExtensibleWithCustomName = extensible;
  toExtension = asExtension;
}
