package org.modsvc.switcher.generation;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.modsvc.switcher.store.StorePath;

/**
 * Everything one configuration puts on disk: the live files by path, the store entries it needs
 * beyond those its files already name (they are found by scanning), and free-form metadata for the
 * generation (for example the modules directory, the agent version, {@code rollbackOf}).
 */
public record DesiredState(
    Map<org.modsvc.switcher.fs.HostPath, DesiredFile> files,
    Set<StorePath> storeRoots,
    Map<String, String> metadata) {

  public DesiredState {
    TreeMap<org.modsvc.switcher.fs.HostPath, DesiredFile> copy = new TreeMap<>(files);
    copy.forEach(
        (p, f) -> {
          if (!p.equals(f.path())) {
            throw new IllegalArgumentException("file keyed " + p + " has path " + f.path());
          }
        });
    for (var p : copy.keySet()) {
      for (var a = p.parent(); a != null; a = a.parent()) {
        if (copy.containsKey(a)) {
          throw new IllegalArgumentException(
              a + " cannot be a file: " + p + " needs it as a directory");
        }
      }
    }
    files = Collections.unmodifiableMap(copy);
    storeRoots = Collections.unmodifiableSet(new TreeSet<>(storeRoots));
    metadata = Collections.unmodifiableMap(new TreeMap<>(metadata));
  }

  /**
   * A SHA-256 over everything this state puts on disk and records (each path with its kind, mode
   * and content hash or link target, the store roots, the metadata), in a fixed order: equal for
   * equal configurations, whatever evaluation produced them. Marks a configuration that failed
   * (docs/decisions.md §12).
   */
  public String fingerprint() {
    java.security.MessageDigest digest = org.modsvc.switcher.fs.ContentHash.sha256();
    StringBuilder text = new StringBuilder("modsvc-desired-state-1\n");
    for (DesiredFile f : files.values()) {
      text.append(f.path().value()).append('\0');
      if (f instanceof DesiredFile.Regular r) {
        text.append("file ")
            .append(Integer.toOctalString(r.mode()))
            .append(' ')
            .append(org.modsvc.switcher.fs.ContentHash.sha256Hex(r.bytes()));
      } else {
        text.append("link ").append(((DesiredFile.Symlink) f).target());
      }
      text.append('\n');
    }
    storeRoots.forEach(root -> text.append("root ").append(root).append('\n'));
    metadata.forEach((k, v) -> text.append("meta ").append(k).append('\0').append(v).append('\n'));
    byte[] hash = digest.digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return java.util.HexFormat.of().formatHex(hash);
  }

  public static DesiredState of(
      Iterable<? extends DesiredFile> files,
      Set<StorePath> storeRoots,
      Map<String, String> metadata) {
    TreeMap<org.modsvc.switcher.fs.HostPath, DesiredFile> byPath = new TreeMap<>();
    for (DesiredFile f : files) {
      if (byPath.put(f.path(), f) != null) {
        throw new IllegalArgumentException("two files for " + f.path());
      }
    }
    return new DesiredState(byPath, storeRoots, metadata);
  }
}
