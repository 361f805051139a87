package org.modsvc.nix;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the fetched test corpora are (never committed; README "Tests"): the folder that {@code
 * extract_corpora.sh} fills, named by the system property {@code modsvc.conformance} or the
 * environment variable {@code MODSVC_CONFORMANCE}. A test that needs one is skipped, with the
 * reason, where it is absent.
 */
public final class Corpora {
  private Corpora() {}

  /** NixOS/nix's {@code tests/functional/lang}. */
  public static Path nixLang() {
    return required("nix-lang/lang", "NixOS/nix's language tests");
  }

  private static Path required(String relative, String what) {
    String root = System.getProperty("modsvc.conformance", System.getenv("MODSVC_CONFORMANCE"));
    assumeTrue(
        root != null && !root.isEmpty(),
        what
            + " not available: set MODSVC_CONFORMANCE (or -Dmodsvc.conformance) to the corpora folder");
    Path dir = Path.of(root).resolve(relative);
    assumeTrue(Files.isDirectory(dir), what + " not available: " + dir + " is not a directory");
    return dir;
  }
}
