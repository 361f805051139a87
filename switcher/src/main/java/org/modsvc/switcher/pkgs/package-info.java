/**
 * The host package set {@code pkgs} for a host without Nix (docs/decisions.md §3).
 *
 * <p>{@code pkgs.<name>} is, for any name, a derivation-shaped set describing a package installed
 * on the host: {@code outPath} is a store tree of links to its files ({@link HostPackageTree}),
 * made from the Debian packages that provide it ({@link DpkgDatabase}) and programs on {@code PATH}
 * ({@link PathSearch}), with the names nixpkgs and Debian spell differently taken from the table
 * {@code pkgs/host-packages.nix} and the host's {@code modsvc.hostPackages}. The tree is made only
 * when the path is used, so naming an absent package is harmless until its path matters, and then
 * an error names the package and the command that installs it. This needs a set answering every
 * name: the evaluator's {@code NixAttrs.WithFallback}, consulted by attribute selection, {@code ?},
 * {@code getAttr} and {@code hasAttr} only ({@code attrNames pkgs} lists just the built-in names,
 * and {@code with pkgs;} does not see host packages).
 *
 * <p>The writers ({@code writeText}, {@code writeTextFile}, {@code writeShellScript}, …) and {@code
 * formats.*.generate} put files straight into the evaluation's store through a primitive the Nix
 * code receives as an argument (not a builtin): plain text files get the path {@code
 * builtins.toFile} would give, executable or nested ones the content-addressed path of their NAR
 * (what {@code nix-store --add} of the same tree gives). nixpkgs builds them with derivations, so
 * the paths differ from nixpkgs' on purpose: no builder exists on the host. Upstream behaviour
 * mirrored: nixpkgs' {@code trivial-builders} argument shapes and checks, and every format of
 * {@code pkgs-lib/formats.nix} with its option types and file bytes (the formats nixpkgs writes
 * with a tool are written by {@link org.modsvc.switcher.pkgs.formats}); {@code writeShellScript}
 * uses the host's bash (nixpkgs scripts assume bash) while {@code runtimeShell} is {@code /bin/sh}.
 *
 * <p>The builders that run a script ({@code runCommand} and its variants, {@code symlinkJoin},
 * {@code writeShellApplication}'s check, {@code makeWrapper} through {@code nativeBuildInputs})
 * reach {@link org.modsvc.switcher.pkgs.HostBuilder} through a third primitive, {@code runBuild}:
 * the script runs on the host during the evaluation, isolated by {@link
 * org.modsvc.switcher.pkgs.BuildSandbox}, and its output is recorded in the evaluation's store at
 * the store path of its content, from a cache keyed by {@link
 * org.modsvc.switcher.pkgs.BuildRequest#cacheKey}.
 */
package org.modsvc.switcher.pkgs;
