# The evaluation of the user's modules with the built-in entry module of the mode: the whole
# `lib.evalModules' result (config, options, …), shared by the entry points eval.nix (the output
# contract) and options.nix (the option documentation).
{ lib, pkgs, modsvc, modules }:
let
  system = modsvc.mode == "system";
in
if modsvc.mode != "system" && modsvc.mode != "user" then
  throw "modsvc: mode must be \"system\" or \"user\", not ${builtins.toJSON modsvc.mode}"
else
  let
    result = lib.evalModules {
      class = if system then "nixos" else "homeManager";
      modules = [ (if system then ./top-level.nix else ./home-level.nix) ] ++ modules;
      specialArgs = {
        pkgs = hostPkgs;
        inherit modsvc;
        modulesPath = ./.;
      };
    };
    # The agent's pkgs takes `modsvc.hostPackages' lazily (pkgs is a special argument, so modules
    # may use it in `imports'); a stand-in pkgs without that hook is used as it is.
    hostPkgs =
      if pkgs ? __withHostPackageOverrides then
        pkgs.__withHostPackageOverrides result.config.modsvc.hostPackages
      else
        pkgs;
  in
  result
