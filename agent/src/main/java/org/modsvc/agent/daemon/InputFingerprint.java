package org.modsvc.agent.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The content of a {@link WatchSet} at one moment: a SHA-256 of each file and the sorted entry
 * names of each directory. Two equal fingerprints mean the evaluation would read the same inputs,
 * so an event that changed nothing (a {@code touch}, an editor saving the same text) costs no
 * evaluation.
 */
record InputFingerprint(SortedMap<Path, String> entries) {
  InputFingerprint {
    entries = new TreeMap<>(entries);
  }

  static InputFingerprint of(WatchSet set) {
    SortedMap<Path, String> m = new TreeMap<>();
    for (Path f : set.files()) m.put(f, fileDigest(f));
    for (Path d : set.dirs()) m.put(d, listing(d));
    return new InputFingerprint(m);
  }

  /**
   * This fingerprint with the entries of {@code set} it lacks recorded as unknown: a path the
   * evaluation read for the first time was not fingerprinted before it read it, so the next event
   * evaluates again rather than trust a reading taken after the evaluation.
   */
  InputFingerprint withUnknownFor(WatchSet set) {
    SortedMap<Path, String> m = new TreeMap<>(entries);
    for (Path f : set.files()) m.putIfAbsent(f, UNKNOWN);
    for (Path d : set.dirs()) m.putIfAbsent(d, UNKNOWN);
    return new InputFingerprint(m);
  }

  private static final String UNKNOWN = "unknown";

  /** Whether every entry of {@code set} reads as recorded here. */
  boolean matches(WatchSet set) {
    InputFingerprint now = of(set);
    for (Map.Entry<Path, String> e : now.entries.entrySet()) {
      if (!e.getValue().equals(entries.get(e.getKey()))) return false;
    }
    return true;
  }

  private static String fileDigest(Path f) {
    try {
      if (Files.isDirectory(f)) return listing(f);
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      try (InputStream in = Files.newInputStream(f)) {
        byte[] buf = new byte[64 * 1024];
        int n;
        while ((n = in.read(buf)) > 0) md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (java.nio.file.NoSuchFileException e) {
      return "missing";
    } catch (IOException e) {
      return "unreadable: " + e.getMessage();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String listing(Path d) {
    if (!Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS))
      return Files.exists(d) ? "not a directory" : "missing";
    try (Stream<Path> s = Files.list(d)) {
      return "dir:" + String.join("/", s.map(p -> p.getFileName().toString()).sorted().toList());
    } catch (IOException | java.io.UncheckedIOException e) {
      return "unreadable: " + e.getMessage();
    }
  }
}
