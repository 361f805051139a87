package org.modsvc.switcher.generation;

import org.modsvc.switcher.fs.HostPath;

/** A reason the live tree cannot be changed as asked without {@code --force} (or at all). */
public record Conflict(HostPath path, Kind kind, String detail) {

  public enum Kind {
    /** A file, link or directory the agent does not own is where the agent wants to write. */
    UNMANAGED,
    /** A file the agent wrote was changed (or replaced) by hand since. */
    HAND_EDITED,
    /** {@code --force} would need {@code <path>.modsvc-backup}, but that name is taken. */
    BACKUP_EXISTS,
    /**
     * A parent of a managed path is a file or symlink, not a directory (this never yields to
     * --force).
     */
    NOT_A_DIRECTORY
  }

  public String message() {
    switch (kind) {
      case UNMANAGED:
        return path
            + ": "
            + detail
            + " not managed by modsvc is in the way (--force moves it to "
            + path
            + ManifestEntry.BACKUP_SUFFIX
            + ")";
      case HAND_EDITED:
        return path
            + ": changed by hand since modsvc wrote it (now "
            + detail
            + "); --force overwrites it";
      case BACKUP_EXISTS:
        return path
            + ": "
            + detail
            + " is in the way and "
            + path
            + ManifestEntry.BACKUP_SUFFIX
            + " already exists; move one of them away";
      default:
        return path + ": " + detail;
    }
  }
}
