package org.modsvc.nix.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The fixture trees whose hashes and store paths were taken from nix-instantiate / nix-store 2.8.
 */
final class TestTrees {
  private TestTrees() {}

  /** {@code file.txt} containing {@code hello\n}. */
  static Path helloFile(Path parent) throws IOException {
    Path f = parent.resolve("file.txt");
    write(f, "hello\n");
    return f;
  }

  /**
   * {@code dir/}: {@code B} (empty), {@code a} ("a"), {@code link -> a}, {@code run.sh}
   * (executable), {@code sub/z} ("zzz").
   */
  static Path dir(Path parent) throws IOException {
    Path d = Files.createDirectory(parent.resolve("dir"));
    write(d.resolve("B"), "");
    write(d.resolve("a"), "a");
    Path run = d.resolve("run.sh");
    write(run, "#!/bin/sh\necho hi\n");
    Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createDirectory(d.resolve("sub"));
    write(d.resolve("sub/z"), "zzz");
    Files.createSymbolicLink(d.resolve("link"), Path.of("a"));
    return d;
  }

  static void write(Path p, String s) throws IOException {
    Files.write(p, s.getBytes(StandardCharsets.UTF_8));
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
  }
}
