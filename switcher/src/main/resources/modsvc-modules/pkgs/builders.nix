# nixpkgs' trivial builders that run a shell script (pkgs/build-support/trivial-builders): runCommand and
# its variants, symlinkJoin, writeShellApplication, makeWrapper. The script really runs, on the host, at
# evaluation time, through the `runBuild` primitive (org.modsvc.switcher.pkgs.HostBuild): bash and the
# host's tools, as an unprivileged user, without network, with a time limit; the output goes into the
# store under its content hash and is cached by the build's inputs. What needs a real Nix builder
# (sources, fetchers, compilers of ours) fails naming the builder.
{ runBuild, bash, writeTextFile, derivationShaped }:
let
  inherit (builtins) concatStringsSep removeAttrs isAttrs isFunction map match replaceStrings;

  # Attributes stdenv.mkDerivation consumes itself rather than passing to the builder's environment.
  notEnvironment = [ "meta" "passthru" "nativeBuildInputs" "buildInputs" "propagatedBuildInputs"
    "propagatedNativeBuildInputs" "depsBuildBuild" "checkInputs" "nativeCheckInputs" "pos" ];

  needsNix = builder: why:
    throw "${builder} needs a Nix builder, which this host does not have: ${why}. modsvc runs only shell-script builds (pkgs.runCommand and the builders made from it) on the host.";

  runCommandWith =
    { name, derivationArgs ? { }, stdenv ? null, runLocal ? false }:
    buildCommand:
    let
      args = derivationArgs;
      builder = "pkgs.runCommand '${name}'";
      inputs = (args.nativeBuildInputs or [ ]) ++ (args.buildInputs or [ ])
        ++ (args.propagatedBuildInputs or [ ]) ++ (args.propagatedNativeBuildInputs or [ ]);
      env = builtins.mapAttrs (_: toString) (removeAttrs args notEnvironment) // {
        inherit name buildCommand;
        modsvcInputs = toString (map (p: p.outPath or p) inputs);
      };
    in
    if args.__structuredAttrs or false then
      needsNix builder "__structuredAttrs is not supported"
    else if (args.outputs or [ "out" ]) != [ "out" ] then
      needsNix builder "it has several outputs (${toString args.outputs})"
    else
      derivationShaped {
        inherit name;
        meta = args.meta or { };
        passthru = args.passthru or { };
        outPath = runBuild { inherit name env; };
      };

  runCommand = name: env: runCommandWith { inherit name; derivationArgs = env; };

  # `bash -n` and, when the host has it, shellcheck over a script, as nixpkgs' writeShellApplication
  # checks it; the check is a build of its own that the script's path depends on.
  checked = name: script: target: checkPhase:
    let
      check = runCommand "${name}-check" { inherit target; } ''
        ${checkPhase}
        touch $out
      '';
    in
    script // { outPath = builtins.seq check.outPath script.outPath; };

  escapeShellArg = s:
    let str = toString s; in
    if match "[[:alnum:],._+:@%/-]+" str != null then str
    else "'${replaceStrings [ "'" ] [ "'\\''" ] str}'";

  makeBinPath = paths: concatStringsSep ":" (map (p: "${p.bin or p.out or p}/bin") paths);

  makeWrapper = writeTextFile {
    name = "make-shell-wrapper-hook";
    destination = "/nix-support/setup-hook";
    text = replaceStrings [ "@shell@" ] [ "${bash}/bin/bash" ] (builtins.readFile ./build-support/make-wrapper.sh);
  };
in
{
  inherit runCommandWith runCommand makeWrapper;
  runCommandLocal = runCommand;
  runCommandNoCC = runCommand;
  runCommandNoCCLocal = runCommand;
  # The host's compiler is on the build's PATH when it has one; nothing of ours is added.
  runCommandCC = runCommand;
  makeShellWrapper = makeWrapper;
  # nixpkgs compiles a C wrapper; here the wrapper is the same bash script as makeWrapper's.
  makeBinaryWrapper = makeWrapper;

  symlinkJoin =
    args@{ name ? "${args.pname}-${args.version}", paths, postBuild ? "", failOnMissing ? false, ... }:
    runCommand name (removeAttrs args [ "name" "paths" "postBuild" "failOnMissing" ] // {
      paths = map (p: p.outPath or p) paths;
      passAsFile = [ "paths" ];
    }) ''
      mkdir -p $out
      for i in $(cat $pathsPath); do
        if [ -e "$i" ]; then
          modsvcLinkTree "$i" "$out"
        elif ${if failOnMissing then "true" else "false"}; then
          echo "symlinkJoin: $i does not exist" >&2
          exit 1
        fi
      done
      ${postBuild}
    '';

  writeShellApplication =
    { name, text, runtimeInputs ? [ ], runtimeEnv ? null, meta ? { }, passthru ? { }, checkPhase ? null
    , excludeShellChecks ? [ ], extraShellCheckFlags ? [ ], bashOptions ? [ "errexit" "nounset" "pipefail" ]
    , derivationArgs ? { }, inheritPath ? true }:
    let
      script = writeTextFile {
        inherit name passthru;
        meta = { mainProgram = name; } // meta;
        executable = true;
        destination = "/bin/${name}";
        text = ''
          #!${bash}/bin/bash
          ${concatStringsSep "\n" (map (option: "set -o ${option}") bashOptions)}
        ''
        + (if runtimeEnv == null then "" else concatStringsSep "" (builtins.attrValues (builtins.mapAttrs (n: v: ''
          ${n}=${escapeShellArg v}
          export ${n}
        '') runtimeEnv)))
        + (if runtimeInputs == [ ] then "" else ''

          export PATH="${makeBinPath runtimeInputs}${if inheritPath then ":$PATH" else ""}"
        '')
        + ''

          ${text}
        '';
      };
      shellcheckFlags = concatStringsSep " " (map escapeShellArg (
        (if excludeShellChecks == [ ] then [ ] else [ "--exclude" (concatStringsSep "," excludeShellChecks) ])
        ++ extraShellCheckFlags));
      defaultCheck = ''
        runHook preCheck
        ${bash}/bin/bash -n -O extglob "$target"
        if command -v shellcheck >/dev/null; then shellcheck ${shellcheckFlags} "$target"; fi
        runHook postCheck
      '';
    in
    checked name script "${script}/bin/${name}" (if checkPhase == null then defaultCheck else checkPhase);

  mkDerivation = fArgs:
    let
      args = if isFunction fArgs then fArgs args else fArgs;
      name = args.name or "${args.pname or "?"}-${args.version or "?"}";
      builder = "stdenv.mkDerivation '${name}'";
    in
    if args ? src || args ? srcs then
      needsNix builder "it builds from sources (src), which are fetched and unpacked by Nix's stdenv"
    else if !(args ? buildCommand) then
      needsNix builder "only a derivation with a buildCommand (and no phases) runs here"
    else
      runCommandWith { inherit name; derivationArgs = removeAttrs args [ "name" "buildCommand" ]; } args.buildCommand;

  fetchers = builtins.listToAttrs (map (f: { name = f; value = _: needsNix "pkgs.${f}" "fetching needs the network, which builds here never have"; }) [
    "fetchurl" "fetchzip" "fetchgit" "fetchFromGitHub" "fetchFromGitLab" "fetchFromSourcehut" "fetchpatch"
    "fetchpatch2" "fetchtarball" "fetchFromCodeberg" "fetchFromGitea" "fetchCrate" "fetchPypi"
  ]);
}
