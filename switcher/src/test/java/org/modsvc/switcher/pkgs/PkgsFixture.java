package org.modsvc.switcher.pkgs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.modsvc.nix.eval.EvalState;
import org.modsvc.nix.source.Source;
import org.modsvc.nix.source.Span;
import org.modsvc.nix.store.MemoryStore;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.Printer;
import org.modsvc.nix.value.Value;

/** An evaluation with a host package set over a PATH of temporary directories, and a store in memory. */
final class PkgsFixture {
  static final String STORE_DIR = "/var/lib/modsvc/store";
  /** nixpkgs' lib from the conformance corpus, when this machine has it (tests needing it are skipped otherwise). */
  static final Path NIXPKGS_LIB = Path.of("/work/conformance/nixpkgs-lib/lib");

  /** A root without {@code var/lib/dpkg}: no Debian package is installed there. */
  static final Path NO_DPKG = Path.of("/nonexistent-modsvc-test-root");

  final MemoryStore store = new MemoryStore(STORE_DIR);
  final EvalState state = new EvalState(store, List.of(), Path.of("/tmp"), Set.of(), System.err);
  final Value pkgs;

  /**
   * With an empty lib (everything but the formats' option types works without one) and a root with no
   * Debian database, so that only {@code path} provides host packages.
   */
  PkgsFixture(List<Path> path) { this(path, NO_DPKG, st -> NixAttrs.EMPTY); }

  /** Host packages from the Debian database under {@code dpkgRoot} and from {@code path}. */
  PkgsFixture(List<Path> path, Path dpkgRoot) { this(path, dpkgRoot, st -> NixAttrs.EMPTY); }

  PkgsFixture(List<Path> path, Path dpkgRoot, Function<EvalState, Value> lib) {
    pkgs = HostPackages.create(state, lib.apply(state), path, dpkgRoot);
  }

  static PkgsFixture withNixpkgsLib(List<Path> path) {
    return new PkgsFixture(path, NO_DPKG, st -> st.evalFile(NIXPKGS_LIB));
  }

  /** Evaluates {@code body} with {@code pkgs} (and {@code lib} when given) in scope, printed deeply. */
  String eval(String body) {
    return Printer.print(value(body), true);
  }

  Value value(String body) {
    Value f = state.evalSource(Source.ofString("«test»", "pkgs: let lib = pkgs.lib; in " + body, Path.of("/tmp")));
    return state.call(f, pkgs, Span.NONE);
  }

  /** Creates {@code dir/bin/<name>} for each name, executable, and returns {@code dir/bin}. */
  static Path binDir(Path dir, String... names) throws IOException {
    return programDir(dir.resolve("bin"), names);
  }

  /** Creates {@code dir/<name>} for each name, executable, and returns {@code dir}. */
  static Path programDir(Path dir, String... names) throws IOException {
    Files.createDirectories(dir);
    for (String n : names) {
      Path f = Files.writeString(dir.resolve(n), "#!/bin/sh\n");
      Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return dir;
  }
}
