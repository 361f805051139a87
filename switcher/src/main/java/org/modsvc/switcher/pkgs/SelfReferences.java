package org.modsvc.switcher.pkgs;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.modsvc.switcher.store.StoreContent;

/** Finding and replacing a path inside a build's output: in file bytes and symlink targets. */
final class SelfReferences {
  private SelfReferences() {}

  static boolean contains(StoreContent c, String path) {
    byte[] needle = path.getBytes(StandardCharsets.UTF_8);
    if (c instanceof StoreContent.File f) return indexOf(f.bytes(), needle, 0) >= 0;
    if (c instanceof StoreContent.Symlink l) return l.target().contains(path);
    for (StoreContent child : ((StoreContent.Directory) c).entries().values()) {
      if (contains(child, path)) return true;
    }
    return false;
  }

  /**
   * {@code c} with every occurrence of {@code from} replaced by {@code to} (equal lengths keep
   * binaries intact).
   */
  static StoreContent replace(StoreContent c, String from, String to) {
    if (c instanceof StoreContent.File f) {
      return new StoreContent.File(
          replace(
              f.bytes(),
              from.getBytes(StandardCharsets.UTF_8),
              to.getBytes(StandardCharsets.UTF_8)),
          f.executable());
    }
    if (c instanceof StoreContent.Symlink l)
      return new StoreContent.Symlink(l.target().replace(from, to));
    Map<String, StoreContent> entries = new TreeMap<>();
    ((StoreContent.Directory) c)
        .entries()
        .forEach((n, child) -> entries.put(n, replace(child, from, to)));
    return new StoreContent.Directory(entries);
  }

  private static byte[] replace(byte[] data, byte[] from, byte[] to) {
    int i = indexOf(data, from, 0);
    if (i < 0) return data;
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(data.length);
    int last = 0;
    while (i >= 0) {
      out.write(data, last, i - last);
      out.writeBytes(to);
      last = i + from.length;
      i = indexOf(data, from, last);
    }
    out.write(data, last, data.length - last);
    return out.toByteArray();
  }

  private static int indexOf(byte[] data, byte[] needle, int from) {
    outer:
    for (int i = from; i <= data.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) continue outer;
      }
      return i;
    }
    return -1;
  }
}
