package org.modsvc.switcher.fs;

import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Conversions between octal permission bits ({@code 0644}) and {@link PosixFilePermission} sets.
 */
public final class FileModes {

  private static final PosixFilePermission[] ORDER = {
    PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
        PosixFilePermission.OTHERS_READ,
    PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
        PosixFilePermission.GROUP_READ,
    PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
        PosixFilePermission.OWNER_READ,
  };

  private FileModes() {}

  /** Permission bits only: setuid/setgid/sticky are refused, the agent never needs them. */
  public static Set<PosixFilePermission> toPermissions(int mode) {
    checkMode(mode);
    Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
    for (int bit = 0; bit < ORDER.length; bit++) {
      if ((mode & (1 << bit)) != 0) {
        out.add(ORDER[bit]);
      }
    }
    return out;
  }

  public static int toMode(Set<PosixFilePermission> perms) {
    int mode = 0;
    for (int bit = 0; bit < ORDER.length; bit++) {
      if (perms.contains(ORDER[bit])) {
        mode |= 1 << bit;
      }
    }
    return mode;
  }

  public static int checkMode(int mode) {
    if (mode < 0 || mode > 0777) {
      throw new IllegalArgumentException(
          "file mode must be within 0000..0777, found " + format(mode));
    }
    return mode;
  }

  /** Four-digit octal, as {@code chmod} and the manifest write it. */
  public static String format(int mode) {
    return String.format("%04o", mode);
  }

  public static int parse(String octal) {
    if (!octal.matches("0?[0-7]{3}")) {
      throw new IllegalArgumentException(
          "file mode must be octal like 0644, found '" + octal + "'");
    }
    return Integer.parseInt(octal, 8);
  }
}
