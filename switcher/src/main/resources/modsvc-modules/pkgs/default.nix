# The host package set `pkgs` of a host without Nix (docs/decisions.md §3), built by
# org.modsvc.switcher.pkgs.HostPackages, which passes the primitives below and answers every name
# missing from the returned `pkgs` with `hostPackage name` (a NixAttrs fallback).
#
#   lib            the lib the modules see (`pkgs.lib`; formats take their option types from it)
#   packagePrefix  name: probe: the prefix of the first PATH directory `<prefix>/bin` holding an
#                  executable `probe`, or an error naming the package and the PATH searched
#   addTextFile    { name, text, executable, destination }: adds the file to the evaluation's
#                  store, returns its store path (with the path as string context)
#   serialize      format: optionsJson: valueJson: the text nixpkgs' tool for that format writes
#                  (formats.nix), with the value's string context
#   system         "x86_64-linux" and the like
#   runBuild       { name, env }: runs a trivial builder's script on the host (builders.nix); returns
#                  the output's store path (with the path as string context)
{ lib, packagePrefix, addTextFile, serialize, system, runBuild }:
let
  hostPackage = import ./host-package.nix { inherit packagePrefix; };
  writers = import ./writers.nix { inherit addTextFile bash; };
  formats = import ./formats.nix { inherit lib writers serialize; };
  builders = import ./builders.nix { inherit runBuild bash; inherit (writers) writeTextFile derivationShaped; };

  # nixpkgs' runtimeShell is bash; here it is the POSIX shell every host has (docs/decisions.md §3).
  runtimeShell = "/bin/sh";
  bash = hostPackage { name = "bash"; };
  platform = {
    inherit system;
    isLinux = true;
    isDarwin = false;
    isx86_64 = builtins.match "x86_64-.*" system != null;
    isAarch64 = builtins.match "aarch64-.*" system != null;
  };
in
{
  inherit hostPackage;
  pkgs = {
    inherit lib bash runtimeShell system formats;
    inherit (writers)
      writeTextFile writeText writeTextDir writeScript writeScriptBin
      writeShellScript writeShellScriptBin concatText;
    inherit (builders)
      runCommand runCommandWith runCommandLocal runCommandNoCC runCommandNoCCLocal runCommandCC
      symlinkJoin writeShellApplication makeWrapper makeShellWrapper makeBinaryWrapper;
    # coreutils has no main program in nixpkgs; its files are found through `ls`.
    coreutils = hostPackage { name = "coreutils"; mainProgram = null; probe = "ls"; };
    systemd = hostPackage { name = "systemd"; mainProgram = "systemctl"; };
    stdenv = {
      inherit (platform) isLinux isDarwin isx86_64 isAarch64;
      hostPlatform = platform;
      buildPlatform = platform;
      targetPlatform = platform;
      shell = runtimeShell;
      inherit (builders) mkDerivation;
    };
  } // builders.fetchers;
}
