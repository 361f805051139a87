let lib = import <modsvc-lib>; in
{
  assertMsg = lib.assertMsg true "never";
  assertOneOf = lib.assertOneOf "color" "red" [ "red" "green" ];
  assertEachOneOf = lib.asserts.assertEachOneOf "colors" [ "red" ] [ "red" "green" ];
  checkAssertWarn = lib.asserts.checkAssertWarn [ { assertion = true; message = "x"; } ] [ ] "value";
}
