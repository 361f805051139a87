# anything merges sets recursively, functions by applying them, and equal
# scalars; optionType merges several type definitions like declarations.
let
  lib = import ./lib.nix;
  t = lib.types;
  option = import ./option.nix lib;
  defs = values: lib.imap1 (i: value: { file = "def${toString i}.nix"; inherit value; }) values;
in
{
  anythingSets = option t.anything (defs [ { a.b = 1; l = [ 1 ]; } { a.c = "x"; l = [ 1 ]; } ]);
  anythingConditional = option t.anything (defs [ { a = lib.mkIf false 1; b = lib.mkDefault 2; } { b = 3; } ]);
  anythingFunctions = (option t.anything (defs [ (x: { a = x; }) (x: { b = x + 1; }) ])) 1;
  anythingEqual = option t.anything (defs [ 5 5 ]);
  anythingNull = option t.anything (defs [ null ]);
  optionTypeSingle = (option t.optionType (defs [ t.int ])).description;
  optionTypeMerged = (option t.optionType (defs [ (t.enum [ "a" ]) (t.enum [ "b" ]) ])).description;
  optionTypeSubmodules =
    let
      type = option t.optionType (defs [
        (t.submodule { options.a = lib.mkOption { default = 1; }; })
        (t.submodule { options.b = lib.mkOption { default = 2; }; })
      ]);
    in
    (lib.evalModules { modules = [ { options.s = lib.mkOption { inherit type; default = { }; }; } ]; }).config.s;
  optionDeclaration = (option (t.attrsOf t.optionDeclaration) (defs [ { x = lib.mkOption { default = 1; }; } ])).x.default;
  deferred =
    let
      module = option t.deferredModule (defs [
        { options.a = lib.mkOption { default = 1; }; }
        ({ config, ... }: { options.b = lib.mkOption { default = config.a + 1; }; })
      ]);
    in
    (lib.evalModules { modules = [ module ]; }).config;
  deferredStatic =
    let
      module = option (t.deferredModuleWith { staticModules = [ { options.s = lib.mkOption { default = "static"; }; } ]; }) (defs [ { } ]);
    in
    (lib.evalModules { modules = [ module ]; }).config;
  json = option t.json (defs [ { a = [ 1 null "x" ]; } { b.c = true; } ]);
  toml = option t.toml (defs [ { a = 1.5; } ]);
}
