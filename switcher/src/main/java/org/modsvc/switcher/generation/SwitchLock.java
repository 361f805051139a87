package org.modsvc.switcher.generation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.modsvc.switcher.fs.FileModes;
import org.modsvc.switcher.fs.IoErrors;
import org.modsvc.switcher.fs.PrivateDirectory;

/**
 * The exclusive switch lock ({@code /run/modsvc/lock}), an advisory {@code fcntl} lock as stc-ng's
 * {@code flock} on {@code /run/nixos/switch-to-configuration.lock}: the kernel drops it when the
 * holder dies, so a killed switch never leaves a stale lock. The holder writes its pid into the
 * file so a refused run can say who holds it.
 */
public final class SwitchLock implements AutoCloseable {

  private final FileChannel channel;
  private final FileLock lock;

  private SwitchLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock without waiting; a held lock is an error naming the holder's pid. The directory
   * holding the lock must be ours alone (created {@code 0700}; when it exists, owned by us and
   * writable by no one else) and the lock a regular file reached without following a link: whoever
   * can replace it could otherwise make us truncate any file we can write (in user mode {@code
   * XDG_RUNTIME_DIR} may be someone else's).
   */
  public static SwitchLock acquire(Path file) throws IOException {
    try {
      PrivateDirectory.ensure(file.getParent());
    } catch (PrivateDirectory.NotPrivateException e) {
      throw new GenerationException(e.getMessage() + " (it holds the switch lock)", e);
    }
    PosixFileAttributes existing = attributesOf(file);
    if (existing != null && !existing.isRegularFile()) {
      throw new GenerationException(
          "refusing to use "
              + file
              + " as the switch lock: it is "
              + kind(existing)
              + ", not a regular file");
    }
    FileChannel ch;
    try {
      ch =
          FileChannel.open(
              file,
              Set.of(
                  StandardOpenOption.CREATE,
                  StandardOpenOption.READ,
                  StandardOpenOption.WRITE,
                  LinkOption.NOFOLLOW_LINKS),
              PosixFilePermissions.asFileAttribute(FileModes.toPermissions(0600)));
    } catch (FileSystemException e) {
      throw new GenerationException(
          "cannot open the switch lock " + file + ": " + IoErrors.reason(e), e);
    }
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (OverlappingFileLockException sameProcess) {
      lock = null;
    }
    if (lock == null) {
      ch.close();
      throw new LockHeldException(file, holder(file));
    }
    ch.truncate(0);
    ch.write(
        ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
        0);
    ch.force(true);
    return new SwitchLock(ch, lock);
  }

  private static PosixFileAttributes attributesOf(Path file) throws IOException {
    try {
      return Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException absent) {
      return null;
    }
  }

  private static String kind(PosixFileAttributes a) {
    return a.isSymbolicLink() ? "a symlink" : a.isDirectory() ? "a directory" : "a special file";
  }

  private static String holder(Path file) {
    try {
      String pid;
      try (FileChannel ch =
          FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
        ByteBuffer buf = ByteBuffer.allocate(32);
        ch.read(buf, 0);
        pid = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).trim();
      }
      return pid.matches("[0-9]+") ? pid : "unknown";
    } catch (IOException e) {
      return "unknown";
    }
  }

  public boolean isHeld() {
    return lock.isValid();
  }

  @Override
  public void close() throws IOException {
    try {
      channel.truncate(0);
    } finally {
      lock.release();
      channel.close();
    }
  }

  /** Another switch (or gc) is running. */
  public static final class LockHeldException extends GenerationException {
    private final String pid;

    LockHeldException(Path file, String pid) {
      super(
          "another modsvc switch is running (pid "
              + pid
              + " holds "
              + file
              + "); try again when it has finished");
      this.pid = pid;
    }

    public String pid() {
      return pid;
    }
  }
}
