package org.modsvc.switcher.fs;

import java.nio.charset.StandardCharsets;

/**
 * The file system's limits on names, counted with everything the agent adds to a name on disk. A
 * path that passes here can be written, replaced and backed up: checked before anything is written,
 * so a name too long never leaves a switch half-applied (Linux: NAME_MAX 255 bytes per component,
 * PATH_MAX 4096 per path).
 */
public final class NameLimits {

  /** Bytes in one path component (NAME_MAX of Linux file systems). */
  public static final int NAME_MAX = 255;

  /**
   * Bytes of a whole host path: PATH_MAX (4096) less room for the {@code --root} prefix and the
   * generation directory its copy is written under ({@code
   * /var/lib/modsvc/generations/.<N>.modsvc-tmp-<r>/files}).
   */
  public static final int HOST_PATH_MAX = 3072;

  /**
   * The most a file's own name grows: the temporary sibling {@code .<name>.modsvc-tmp-<13 base-36
   * digits>}.
   */
  static final int ADDED_TO_LAST = 1 + AtomicFiles.TEMP_INFIX.length() + 13;

  /**
   * What {@code --force} adds when it moves a foreign file aside ({@code <name>.modsvc-backup}).
   */
  static final int BACKUP_SUFFIX = ".modsvc-backup".length();

  private NameLimits() {}

  /** The longest name a live file may have. */
  public static int maxFileNameBytes() {
    return NAME_MAX - Math.max(ADDED_TO_LAST, BACKUP_SUFFIX);
  }

  /** Refuses a path the agent could not write with its temporary, backup and generation names. */
  public static void check(HostPath path) {
    if (bytes(path.value()) > HOST_PATH_MAX) {
      throw new IllegalArgumentException(
          "path is "
              + bytes(path.value())
              + " bytes long, more than the "
              + HOST_PATH_MAX
              + " modsvc allows (the file system's 4096 less room for its own directories)");
    }
    java.util.List<String> cs = path.components();
    for (int i = 0; i < cs.size(); i++) {
      boolean last = i == cs.size() - 1;
      int n = bytes(cs.get(i));
      int max = last ? maxFileNameBytes() : NAME_MAX;
      if (n > max) {
        throw new IllegalArgumentException(
            "name '"
                + HostPath.printable(cs.get(i))
                + "' is "
                + n
                + " bytes long; the file system allows "
                + NAME_MAX
                + (last
                    ? " including the "
                        + (NAME_MAX - max)
                        + " bytes of the temporary name modsvc writes it under,"
                        + " so at most "
                        + max
                    : ""));
      }
    }
  }

  private static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
