package org.modsvc.nix.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files that cannot change while the process runs: those inside our own jar (the bundled lib and
 * modules), reached through its archive file system. Every evaluation imports them, and inflating
 * their texts again was a sixth of a small evaluation, so each text is read once per process (the
 * store likewise hashes them once).
 */
public final class ArchivedFiles {
  private ArchivedFiles() {}

  private static final Map<String, String> TEXTS = new ConcurrentHashMap<>();

  /**
   * Roots of sources shipped with the program that sit in a plain directory (a build tree's class
   * path).
   */
  private static final java.util.Set<Path> SHIPPED_ROOTS = ConcurrentHashMap.newKeySet();

  /**
   * Records {@code root} as a directory of sources shipped with the program (see {@link
   * #isShipped}).
   */
  public static void markShipped(Path root) {
    if (!contains(root)) SHIPPED_ROOTS.add(root.toAbsolutePath().normalize());
  }

  /**
   * Whether {@code file} is one of the program's own sources: in the jar, or below a root {@link
   * #markShipped} recorded (tests and builds run from the class-path directory). Such files are not
   * the user's input.
   */
  public static boolean isShipped(Path file) {
    if (contains(file)) return true;
    for (Path root : SHIPPED_ROOTS) if (file.startsWith(root)) return true;
    return false;
  }

  /** Whether {@code file} lies in an archive file system (the jar) rather than on disk. */
  public static boolean contains(Path file) {
    return file.getFileSystem() != FileSystems.getDefault();
  }

  /** The text of {@code file}; one {@link #contains} accepts is read once per process. */
  public static String text(Path file) throws IOException {
    if (!contains(file)) return Files.readString(file, StandardCharsets.UTF_8);
    String uri = file.toUri().toString();
    String text = TEXTS.get(uri);
    if (text == null) {
      text = Files.readString(file, StandardCharsets.UTF_8);
      TEXTS.put(uri, text);
    }
    return text;
  }
}
