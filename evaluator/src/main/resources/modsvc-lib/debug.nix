# Tracing helpers and the tiny unit-test runner of nixpkgs' lib.debug.
{ lib }:
let
  b = builtins;
  inherit (b) trace isList isAttrs;

  traceFn = f: x: trace (f x) x;

  # Replaces everything below `depth` by a placeholder printed without quotes.
  cutAt =
    depth: v:
    let
      placeholder = text: x: {
        __pretty = _: text;
        val = x;
      };
      snip = x: if isList x then placeholder "[…]" x else if isAttrs x then placeholder "{…}" x else x;
      go =
        n: x:
        if n == 0 then
          snip x
        else if isList x then
          map (go (n - 1)) x
        else if isAttrs x then
          b.mapAttrs (_: go (n - 1)) x
        else
          x;
    in
    go depth v;

  traceDepth = depth: x: y: trace (lib.generators.toPretty { allowPrettyValues = true; } (cutAt depth x)) y;
in
{
  inherit (b) trace addErrorContext unsafeGetAttrPos;
  traceIf = cond: msg: x: if cond then trace msg x else x;
  traceValFn = traceFn;
  traceVal = traceFn (x: x);
  traceSeq = x: y: trace (b.deepSeq x x) y;
  traceSeqN = traceDepth;
  traceValSeqFn = f: v: traceFn f (b.deepSeq v v);
  traceValSeq = v: traceFn (x: x) (b.deepSeq v v);
  traceValSeqNFn = f: depth: v: traceDepth depth (f v) v;
  traceValSeqN = depth: v: traceDepth depth v v;
  traceFnSeqN =
    depth: name: f: v:
    let
      result = f v;
    in
    traceDepth (depth + 1) {
      fn = name;
      from = v;
      to = result;
    } result;

  # Runs every attribute named test* (or listed in `tests`) and returns the failures.
  runTests =
    tests:
    let
      selected = tests.tests or [ ];
      wanted = name: (b.substring 0 4 name == "test" || b.elem name selected) && (selected == [ ] || b.elem name selected);
    in
    b.concatLists (
      b.attrValues (
        b.mapAttrs (
          name: t:
          if wanted name && t.expr != t.expected then
            [
              {
                inherit name;
                expected = t.expected;
                result = t.expr;
              }
            ]
          else
            [ ]
        ) tests
      )
    );
  throwTestFailures =
    { failures, description ? "tests", ... }:
    if failures == [ ] then
      null
    else
      let
        show = v: b.unsafeDiscardStringContext (lib.generators.toPretty { allowPrettyValues = true; } v);
        describe = f: ''
          FAIL ${show f.name}:
          Expected:
          ${show f.expected}
          Result:
          ${show f.result}
        '';
        traced = b.foldl' (_: f: traceFn (x: x) (describe f)) null failures;
      in
      throw (
        b.seq traced (
          "${toString (b.length failures)} ${description} failed:\n- "
          + b.concatStringsSep "\n- " (map (f: f.name) failures)
          + "\n\n"
          + b.toJSON failures
        )
      );
  testAllTrue = expr: {
    inherit expr;
    expected = map (_: true) expr;
  };
}
