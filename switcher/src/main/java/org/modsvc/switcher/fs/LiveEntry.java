package org.modsvc.switcher.fs;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;

/**
 * What is at a path right now, without following a final symlink: the facts an ownership decision
 * needs (a file's mode and content hash, a link's target text).
 */
public sealed interface LiveEntry {

  record Absent() implements LiveEntry {}

  record RegularFile(int mode, String sha256) implements LiveEntry {}

  record Symlink(String target) implements LiveEntry {}

  /** A directory, socket, device or fifo: never something the agent wrote at a file path. */
  record Other(String kind) implements LiveEntry {}

  /**
   * Reads what is at {@code path} (no symlink followed at the last component). A regular file is
   * hashed through one buffer of its size (at most 64 KiB) and opened without following a link, so
   * one swapped in since the {@code lstat} is looked at again rather than read through.
   */
  static LiveEntry inspect(Path path) throws IOException {
    try {
      return inspectOnce(path);
    } catch (FileSystemException raced) {
      if (raced instanceof NoSuchFileException) {
        return new Absent();
      }
      return inspectOnce(path); // replaced since the lstat (ELOOP and the like): look again, once
    }
  }

  private static LiveEntry inspectOnce(Path path) throws IOException {
    PosixFileAttributes attrs;
    try {
      attrs = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return new Absent();
    }
    if (attrs.isSymbolicLink()) {
      return new Symlink(Files.readSymbolicLink(path).toString());
    }
    if (attrs.isRegularFile()) {
      return new RegularFile(FileModes.toMode(attrs.permissions()), ContentHash.sha256Hex(path));
    }
    return new Other(attrs.isDirectory() ? "directory" : "special file");
  }

  default boolean exists() {
    return !(this instanceof Absent);
  }
}
