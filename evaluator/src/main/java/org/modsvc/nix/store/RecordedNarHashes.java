package org.modsvc.nix.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * NAR hashes of the Nix source directories bundled in our jars, recorded by the build next to them
 * (under {@value #DIR}). Naming a bundled directory in the store needs its NAR hash, and
 * serialising and hashing the lib's files in a JVM that has compiled nothing yet took ~15 ms of
 * every start; the files cannot change inside a built jar, so the build hashes them once. A
 * directory without a record (a build tree) is hashed as before.
 */
public final class RecordedNarHashes {
  private RecordedNarHashes() {}

  /** Where the records lie, relative to the class-path root that holds the directories. */
  static final String DIR = "nar-hashes";

  /**
   * The record of {@code directory}, an absolute path inside a class-path root (a jar), or null
   * without one.
   */
  static Hash of(Path directory) throws IOException {
    Path record =
        recordFor(directory.getRoot(), directory.getRoot().relativize(directory).toString());
    if (!Files.isRegularFile(record)) return null;
    return Hash.parseSri(Files.readString(record, StandardCharsets.UTF_8).strip());
  }

  private static Path recordFor(Path root, String directory) {
    return root.resolve(DIR).resolve(directory + ".sha256");
  }

  /**
   * The build step ({@code evaluator/pom.xml}, {@code switcher/pom.xml}): {@code ROOT DIR...}
   * records the NAR hash of each {@code ROOT/DIR}, where {@code ROOT} is the class-path root being
   * packaged.
   */
  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]);
    for (int i = 1; i < args.length; i++) {
      Hash hash = Nar.hash(root.resolve(args[i]), HashAlgo.SHA256, null);
      Path record = recordFor(root, args[i]);
      Files.createDirectories(record.getParent());
      Files.writeString(record, hash.toSri() + "\n", StandardCharsets.UTF_8);
    }
  }
}
