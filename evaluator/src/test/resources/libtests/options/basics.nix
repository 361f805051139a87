let
  lib = import <modsvc-lib>;
  pkgs = { hello = { type = "derivation"; name = "hello-1"; outPath = "/nix/store/00000000000000000000000000000000-hello"; }; python3Packages = { requests = { type = "derivation"; name = "req"; outPath = "/r"; }; }; };
  defs = [ { file = "a.nix"; value = 1; } { file = "b.nix"; value = 1; } ];
  scrubbed = lib.options.scrubOptionValue { a = [ pkgs.hello ]; _args = 1; b = { c = pkgs.hello; }; };
  eval = lib.evalModules {
    modules = [
      {
        options.svc = {
          enable = lib.mkEnableOption "the service";
          package = lib.mkPackageOption pkgs "hello" { };
          port = lib.mkOption { type = lib.types.port; default = 80; description = "Port."; example = 8080; };
          hidden = lib.mkOption { type = lib.types.str; internal = true; visible = false; default = "h"; };
          sub = lib.mkOption {
            type = lib.types.attrsOf (lib.types.submodule { options.x = lib.mkOption { type = lib.types.int; default = 1; defaultText = lib.literalExpression "1"; }; });
            default = { };
            description = "Sub.";
          };
        };
      }
    ];
  };
  docs = lib.optionAttrSetToDocList eval.options;
in
{
  isOption = [ (lib.isOption (lib.mkOption { })) (lib.isOption { }) ];
  mkOption = lib.mkOption { default = 1; description = "d"; };
  mkEnableOption = removeAttrs (lib.mkEnableOption "foo") [ "type" ];
  mkEnableOptionType = (lib.mkEnableOption "foo").type.name;
  mkPackageOption = removeAttrs (lib.mkPackageOption pkgs "hello" { }) [ "type" "default" ];
  mkPackageOptionDefault = (lib.mkPackageOption pkgs "hello" { }).default.name;
  mkPackageOptionNested = removeAttrs (lib.mkPackageOption pkgs [ "python3Packages" "requests" ] { extraDescription = "More."; example = [ "python3Packages" "other" ]; }) [ "type" ];
  mkPackageOptionNullable = removeAttrs (lib.mkPackageOption pkgs "hello" { nullable = true; default = null; pkgsText = "myPkgs"; example = "myPkgs.hello.override { }"; }) [ "type" ];
  mkPackageOptionTypes = [ (lib.mkPackageOption pkgs "hello" { }).type.name (lib.mkPackageOption pkgs "hello" { nullable = true; }).type.name ];
  mkSinkUndeclaredOptions = removeAttrs (lib.mkSinkUndeclaredOptions { }) [ "type" "apply" ];
  mergeDefaultOption = [
    (lib.mergeDefaultOption [ "a" ] [ { value = [ 1 ]; } { value = [ 2 ]; } ])
    (lib.mergeDefaultOption [ "a" ] [ { value = { x = 1; }; } { value = { y = 2; }; } ])
    (lib.mergeDefaultOption [ "a" ] [ { value = false; } { value = true; } ])
    (lib.mergeDefaultOption [ "a" ] [ { value = "a"; } { value = "b"; } ])
    (lib.mergeDefaultOption [ "a" ] [ { value = 3; } { value = 3; } ])
    (lib.mergeDefaultOption [ "a" ] [ { value = 7; } ])
  ];
  mergeOneOption = lib.mergeOneOption [ "a" ] [ { value = 5; } ];
  mergeUniqueOption = lib.mergeUniqueOption { message = "m"; } [ "a" ] [ { value = 6; } ];
  mergeEqualOption = lib.mergeEqualOption [ "a" ] defs;
  getValues = lib.getValues defs;
  getFiles = lib.getFiles defs;
  scrubOptionValue = scrubbed;
  literalExpression = lib.literalExpression "pkgs.hello";
  literalMD = lib.literalMD "*md*";
  showOption = [ (lib.showOption [ "services" "foo" "enable" ]) (lib.showOption [ "a" "b.c" "*" "<name>" "if" "x-y'" "" ]) (lib.showOption [ ]) ];
  showFiles = [ (lib.showFiles [ "a.nix" "b.nix" ]) (lib.showFiles [ ]) ];
  showDefs = lib.options.showDefs [ { file = "a.nix"; value = { x = [ 1 2 3 4 5 6 ]; }; } { file = "b.nix"; value = "str"; } { file = "c.nix"; value = throw "bad"; } ];
  showOptionWithDefLocs = lib.showOptionWithDefLocs { loc = [ "a" "b" ]; files = [ "x.nix" "y.nix" ]; };
  unknownModule = lib.unknownModule;
  renderOptionValue = [ (lib.options.renderOptionValue { a = 1; }) (lib.options.renderOptionValue (lib.literalMD "x")) ];
  docNames = map (o: o.name) docs;
  docs = map (o: removeAttrs o [ "declarations" ]) docs;
  config = eval.config;
}
