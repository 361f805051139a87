package org.modsvc.switcher.fs;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A directory only the running user may change ({@code /run/modsvc}, {@code
 * $XDG_RUNTIME_DIR/modsvc}): what is inside it (the switch lock) cannot have been placed there by
 * anyone else, so it may be opened and truncated without fear of writing through someone's link.
 */
public final class PrivateDirectory {

  private PrivateDirectory() {}

  /**
   * Creates {@code dir} with mode 0700 when absent; otherwise checks it is a directory we own that
   * only we may write.
   */
  public static void ensure(Path dir) throws IOException {
    Files.createDirectories(dir.getParent());
    try {
      Files.createDirectory(
          dir, PosixFilePermissions.asFileAttribute(FileModes.toPermissions(0700)));
      Files.setPosixFilePermissions(
          dir, FileModes.toPermissions(0700)); // the umask narrowed nothing we need, but be exact
    } catch (FileAlreadyExistsException exists) {
      // checked below
    }
    PosixFileAttributes a =
        Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (!a.isDirectory()) {
      throw new NotPrivateException(
          "refusing to use "
              + dir
              + ": it is "
              + (a.isSymbolicLink() ? "a symlink" : "not a directory")
              + "; it must be a directory owned by the running user");
    }
    long owner =
        ((Number) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
    int mode = FileModes.toMode(a.permissions());
    long me = currentUid();
    if (owner != me || (mode & 0022) != 0) {
      throw new NotPrivateException(
          "refusing to use "
              + dir
              + ": it is owned by uid "
              + owner
              + " ("
              + a.owner().getName()
              + ") with mode "
              + FileModes.format(mode)
              + "; it must be owned by the running user (uid "
              + me
              + ") and writable by no one else (mode 0700)");
    }
  }

  /** The directory is there but someone else could change what is inside it. */
  public static final class NotPrivateException extends IOException {
    private static final long serialVersionUID = 1L;

    NotPrivateException(String message) {
      super(message);
    }
  }

  /** The uid this process runs as (the owner the kernel gives its {@code /proc/self}). */
  public static long currentUid() throws IOException {
    return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
  }
}
