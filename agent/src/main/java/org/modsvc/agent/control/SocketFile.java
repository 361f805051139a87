package org.modsvc.agent.control;

import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import org.modsvc.switcher.fs.FileModes;
import org.modsvc.switcher.fs.PrivateDirectory;

/**
 * Where a control socket is bound, made safe before binding: its directory is ours (created when
 * absent, never a link, writable by no one else, so nothing in it was placed by another user), and
 * what sits at the socket path is either nothing or a socket nobody answers on any more (a killed
 * daemon's), which is removed. A live socket, a link or any other file there is refused and left
 * untouched.
 */
final class SocketFile {
  private static final int S_IFMT = 0170000;
  private static final int S_IFSOCK = 0140000;

  private SocketFile() {}

  /**
   * Prepares {@code socket}'s directory with {@code dirMode} (created so; an existing one is
   * widened to it when it lacks the search bits others need, never made writable by others) and
   * clears a stale socket.
   */
  static void prepare(Path socket, int dirMode) throws IOException {
    Path dir = socket.toAbsolutePath().getParent();
    try {
      Files.createDirectory(
          dir,
          java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
              FileModes.toPermissions(dirMode)));
      Files.setPosixFilePermissions(
          dir, FileModes.toPermissions(dirMode)); // exact, whatever the umask
    } catch (FileAlreadyExistsException exists) {
      // checked below, as an existing one
    } catch (NoSuchFileException noParent) {
      throw new IOException(
          "cannot create " + dir + ": " + dir.getParent() + " does not exist", noParent);
    }
    PosixFileAttributes a =
        Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (!a.isDirectory()) {
      throw new IOException(
          "refusing to use "
              + dir
              + " for the control socket: it is "
              + (a.isSymbolicLink() ? "a symlink" : "not a directory")
              + "; it must be a directory owned by the agent");
    }
    long owner =
        ((Number) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
    long me = PrivateDirectory.currentUid();
    int mode = FileModes.toMode(a.permissions());
    if (owner != me || (mode & 0022) != 0) {
      throw new IOException(
          "refusing to use "
              + dir
              + " for the control socket: it is owned by uid "
              + owner
              + " with mode "
              + FileModes.format(mode)
              + "; it must be owned by the agent (uid "
              + me
              + ") and writable by no one else");
    }
    int searchable = mode | (dirMode & 0055);
    if (searchable != mode) Files.setPosixFilePermissions(dir, FileModes.toPermissions(searchable));
    clearStale(socket);
  }

  /** Removes a socket nobody answers on; refuses anything else at {@code socket}. */
  static void clearStale(Path socket) throws IOException {
    int mode;
    try {
      mode =
          ((Number) Files.getAttribute(socket, "unix:mode", LinkOption.NOFOLLOW_LINKS)).intValue();
    } catch (NoSuchFileException absent) {
      return;
    }
    if ((mode & S_IFMT) != S_IFSOCK) {
      throw new IOException(
          "refusing to replace "
              + socket
              + ": it is "
              + describe(socket)
              + ", not a socket an agent left; remove it if it is not needed");
    }
    try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      probe.connect(UnixDomainSocketAddress.of(socket));
    } catch (ConnectException refused) {
      Files.delete(
          socket); // its daemon is gone: the kernel refuses connections on a socket nobody listens
      // to
      return;
    }
    throw new IOException("another agent answers on " + socket + "; stop it first");
  }

  /** The socket file's identity, so that closing removes our socket and not a successor's. */
  static Object identity(Path socket) throws IOException {
    return Files.getAttribute(socket, "unix:ino", LinkOption.NOFOLLOW_LINKS);
  }

  private static String describe(Path p) throws IOException {
    PosixFileAttributes a =
        Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (a.isSymbolicLink()) return "a symlink";
    if (a.isDirectory()) return "a directory";
    if (a.isRegularFile()) return "a regular file";
    return "a special file";
  }
}
