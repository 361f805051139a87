package org.modsvc.switcher.generation;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.modsvc.switcher.fs.FileModes;
import org.modsvc.switcher.fs.HostPath;

/**
 * One live file the configuration asks for: a regular file (unit files) or a symlink (wants links,
 * configData).
 */
public sealed interface DesiredFile {

  HostPath path();

  /** A regular file with exact content and permission bits. */
  record Regular(HostPath path, byte[] bytes, int mode) implements DesiredFile {
    public Regular {
      bytes = bytes.clone();
      FileModes.checkMode(mode);
    }

    public static Regular text(String path, String text, int mode) {
      return new Regular(HostPath.of(path), text.getBytes(StandardCharsets.UTF_8), mode);
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Regular r
          && r.path.equals(path)
          && r.mode == mode
          && Arrays.equals(r.bytes, bytes);
    }

    @Override
    public int hashCode() {
      return path.hashCode() * 31 + Arrays.hashCode(bytes) + mode;
    }

    @Override
    public String toString() {
      return "Regular[" + path + ", " + bytes.length + " bytes, " + FileModes.format(mode) + "]";
    }
  }

  /**
   * A symlink whose target text is stored verbatim (absolute host paths, e.g. into the store, or
   * relative).
   */
  record Symlink(HostPath path, String target) implements DesiredFile {
    public Symlink {
      if (target.isEmpty() || target.indexOf('\0') >= 0 || target.indexOf('\n') >= 0) {
        throw new IllegalArgumentException(
            "symlink " + path + " needs a target without NUL or line break");
      }
    }

    public static Symlink of(String path, String target) {
      return new Symlink(HostPath.of(path), target);
    }
  }
}
