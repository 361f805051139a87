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
  lib.evalModules {
    class = if system then "nixos" else "homeManager";
    modules = [ (if system then ./top-level.nix else ./home-level.nix) ] ++ modules;
    specialArgs = {
      inherit pkgs modsvc;
      modulesPath = ./.;
    };
  }
