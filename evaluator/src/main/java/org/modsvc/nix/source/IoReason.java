package org.modsvc.nix.source;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;

/**
 * Why an I/O operation failed, in words a person can act on ({@code permission denied (EACCES)}),
 * without the path: Java's file exceptions keep the reason in their type and give only the path as
 * their message, so {@code "cannot read 'X': " + e.getMessage()} would say the path twice and never
 * why. Every layer that reports an I/O error asks this one class.
 */
public final class IoReason {
  private IoReason() {}

  public static String of(IOException e) {
    if (e instanceof FileSystemException f)
      return f.getReason() != null ? f.getReason() : byType(f);
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private static String byType(FileSystemException e) {
    if (e instanceof AccessDeniedException) return "permission denied (EACCES)";
    if (e instanceof NoSuchFileException) return "no such file or directory (ENOENT)";
    if (e instanceof FileAlreadyExistsException) return "file exists (EEXIST)";
    if (e instanceof DirectoryNotEmptyException) return "directory not empty (ENOTEMPTY)";
    if (e instanceof NotDirectoryException) return "not a directory (ENOTDIR)";
    if (e instanceof FileSystemLoopException) return "too many levels of symbolic links (ELOOP)";
    if (e instanceof NotLinkException) return "not a symbolic link (EINVAL)";
    return e.getClass().getSimpleName();
  }
}
