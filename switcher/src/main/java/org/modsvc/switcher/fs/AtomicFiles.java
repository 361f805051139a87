package org.modsvc.switcher.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Atomic replacement of files and symlinks: a reader (systemd, a service reading its config) sees
 * the old content or the new one, never a truncated file or a missing link. Both use the same
 * recipe: build the new object under a temporary name in the same directory (same file system, so
 * {@code rename(2)} is atomic), fsync it, rename it over the final name, then fsync the directory
 * so the rename itself survives a power cut.
 */
public final class AtomicFiles {

  /**
   * Infix of temporary names; a crash can leave such files behind, and they are never mistaken for
   * ours.
   */
  public static final String TEMP_INFIX = ".modsvc-tmp-";

  private AtomicFiles() {}

  /**
   * Writes {@code bytes} to {@code target} with exactly {@code mode} (not subject to the umask).
   */
  public static void writeFile(Path target, byte[] bytes, int mode) throws IOException {
    Path dir = target.getParent();
    Path temp = tempSibling(target);
    try {
      try (FileChannel ch =
          FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      } catch (IOException e) {
        // a full disk or quota says only "No space left on device": name the file being written
        throw IoErrors.naming(target, "cannot write", e);
      }
      Files.setPosixFilePermissions(temp, FileModes.toPermissions(mode));
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
    fsyncDirectory(dir);
  }

  /**
   * Creates {@code target}, which must not exist, with {@code bytes} and exactly {@code mode}, its
   * data fsynced; neither renamed nor is its directory fsynced. Only for a file inside a directory
   * that is being built under a temporary name: that directory's rename is the atomic step, and the
   * caller fsyncs each directory it built once, before that rename (instead of two fsyncs per
   * file).
   */
  public static void writeNew(Path target, byte[] bytes, int mode) throws IOException {
    try (FileChannel ch =
        FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    } catch (IOException e) {
      throw IoErrors.naming(target, "cannot write", e);
    }
    Files.setPosixFilePermissions(target, FileModes.toPermissions(mode));
  }

  /**
   * Points {@code link} at {@code target}, replacing whatever file or link was there in one rename.
   */
  public static void replaceSymlink(Path link, String target) throws IOException {
    Path temp = tempSibling(link);
    try {
      Files.createSymbolicLink(temp, Path.of(target));
      Files.move(temp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
    fsyncDirectory(link.getParent());
  }

  /** Renames {@code from} to {@code to} atomically; {@code to} must not exist. */
  public static void rename(Path from, Path to) throws IOException {
    if (Files.exists(to, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException("refusing to overwrite " + to);
    }
    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    fsyncDirectory(to.getParent());
  }

  /**
   * Deletes a file or link (never follows it); absent is fine, so a resumed run can repeat the
   * step.
   */
  public static void delete(Path path) throws IOException {
    if (Files.deleteIfExists(path)) {
      fsyncDirectory(path.getParent());
    }
  }

  /** Removes {@code dir} when it exists and is empty; returns whether it is gone. */
  public static boolean removeEmptyDirectory(Path dir) throws IOException {
    try {
      Files.delete(dir);
      fsyncDirectory(dir.getParent());
      return true;
    } catch (NoSuchFileException e) {
      return true;
    } catch (DirectoryNotEmptyException e) {
      return false;
    }
  }

  public static void fsyncDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }

  /**
   * A fresh name next to {@code target}: hidden, unique, and recognisable by {@link #TEMP_INFIX}.
   */
  public static Path tempSibling(Path target) {
    long r = ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
    return target.resolveSibling("." + target.getFileName() + TEMP_INFIX + Long.toString(r, 36));
  }
}
