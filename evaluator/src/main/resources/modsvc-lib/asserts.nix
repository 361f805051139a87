# Assertions with readable messages (nixpkgs' lib.asserts).
{ lib }:
let
  show = lib.generators.toPretty { };
  check = ok: msg: ok || throw msg;
in
{
  assertMsg = check;
  assertOneOf = name: v: allowed: check (builtins.elem v allowed) "${name} must be one of ${show allowed}, but is: ${show v}";
  assertEachOneOf =
    name: vs: allowed:
    check (builtins.all (v: builtins.elem v allowed) vs) "each element in ${name} must be one of ${show allowed}, but is: ${show vs}";
  checkAssertWarn =
    assertions: warnings: value:
    let
      failed = map (a: a.message) (builtins.filter (a: !a.assertion) assertions);
    in
    if failed != [ ] then
      throw "\nFailed assertions:\n${builtins.concatStringsSep "\n" (map (m: "- ${m}") failed)}"
    else
      lib.trivial.showWarnings warnings value;
}
