package org.modsvc.nix.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files that cannot change while the process runs: those inside our own jar (the bundled lib and modules), reached
 * through its archive file system. Every evaluation imports them, and inflating their texts again was a sixth of a
 * small evaluation, so each text is read once per process (the store likewise hashes them once).
 */
public final class ArchivedFiles {
  private ArchivedFiles() {}

  private static final Map<String, String> TEXTS = new ConcurrentHashMap<>();

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
