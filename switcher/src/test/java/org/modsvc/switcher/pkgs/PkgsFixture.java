package org.modsvc.switcher.pkgs;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.modsvc.nix.eval.EvalState;
import org.modsvc.nix.lib.BundledSources;
import org.modsvc.nix.source.Source;
import org.modsvc.nix.source.Span;
import org.modsvc.nix.store.MemoryStore;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.Printer;
import org.modsvc.nix.value.Value;

/**
 * An evaluation with a host package set over a PATH of temporary directories, and a store in
 * memory.
 */
final class PkgsFixture {
  static final String STORE_DIR = "/var/lib/modsvc/store";

  /** A root without {@code var/lib/dpkg}: no Debian package is installed there. */
  static final Path NO_DPKG = Path.of("/nonexistent-modsvc-test-root");

  final MemoryStore store = new MemoryStore(STORE_DIR);

  /** {@code <modsvc-lib>} is on the search path, as in a real evaluation. */
  final EvalState state =
      org.modsvc.nix.Evaluation.builder()
          .store(store)
          .searchPath(List.of(BundledSources.LIB.register(store)))
          .homeDir(Path.of("/tmp"))
          .experimentalFeatures(Set.of())
          .diagnostics(System.err)
          .start()
          .state();

  final Value pkgs;

  /**
   * With an empty lib (everything but the formats' option types works without one) and a root with
   * no Debian database, so that only {@code path} provides host packages.
   */
  PkgsFixture(List<Path> path) {
    this(path, NO_DPKG, st -> NixAttrs.EMPTY);
  }

  /** Host packages from the Debian database under {@code dpkgRoot} and from {@code path}. */
  PkgsFixture(List<Path> path, Path dpkgRoot) {
    this(path, dpkgRoot, st -> NixAttrs.EMPTY);
  }

  PkgsFixture(List<Path> path, Path dpkgRoot, Function<EvalState, Value> lib) {
    pkgs = HostPackages.create(state, lib.apply(state), path, dpkgRoot);
  }

  /** With the lib real evaluations use ({@code import <modsvc-lib>}). */
  static PkgsFixture withModsvcLib(List<Path> path) {
    return new PkgsFixture(
        path,
        NO_DPKG,
        st -> st.evalSource(Source.ofString("«test»", "import <modsvc-lib>", Path.of("/tmp"))));
  }

  /**
   * With nixpkgs' lib from the corpora folder (README "Tests"); a test without it is skipped with
   * the reason.
   */
  static PkgsFixture withNixpkgsLib(List<Path> path) {
    Path lib = nixpkgsLib();
    return new PkgsFixture(path, NO_DPKG, st -> st.evalFile(lib));
  }

  private static Path nixpkgsLib() {
    String root = System.getProperty("modsvc.conformance", System.getenv("MODSVC_CONFORMANCE"));
    assumeTrue(
        root != null && !root.isEmpty(),
        "nixpkgs' lib not available: set MODSVC_CONFORMANCE (or -Dmodsvc.conformance) to the corpora folder");
    Path lib = Path.of(root).resolve("nixpkgs-lib/lib");
    assumeTrue(
        Files.isDirectory(lib), "nixpkgs' lib not available: " + lib + " is not a directory");
    return lib;
  }

  /**
   * Evaluates {@code body} with {@code pkgs} (and {@code lib} when given) in scope, printed deeply.
   */
  String eval(String body) {
    return Printer.print(value(body), true);
  }

  Value value(String body) {
    Value f =
        state.evalSource(
            Source.ofString("«test»", "pkgs: let lib = pkgs.lib; in " + body, Path.of("/tmp")));
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
