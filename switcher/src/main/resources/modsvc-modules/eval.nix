# Evaluates the user's modules with the built-in entry module of the mode and returns the
# output contract described in README.md.
{ lib, pkgs, modsvc, modules }:
let
  system = modsvc.mode == "system";
  evaluated = lib.evalModules {
    class = if system then "nixos" else "homeManager";
    modules = [ (if system then ./top-level.nix else ./home-level.nix) ] ++ modules;
    specialArgs = {
      inherit pkgs modsvc;
      modulesPath = ./.;
    };
  };
in
if modsvc.mode != "system" && modsvc.mode != "user" then
  throw "modsvc: mode must be \"system\" or \"user\", not ${builtins.toJSON modsvc.mode}"
else
  evaluated.config.modsvc.output
