package org.modsvc.switcher.fs;

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
 * An I/O error as a person can act on it: the path and what went wrong ({@code /run/modsvc/lock: permission
 * denied (EACCES)}). Java's file exceptions keep the reason in their type and give only the path as message.
 */
public final class IoErrors {
  private IoErrors() {}

  public static String describe(IOException e) {
    if (e instanceof FileSystemException f && f.getFile() != null) {
      StringBuilder sb = new StringBuilder(f.getFile());
      if (f.getOtherFile() != null) sb.append(" -> ").append(f.getOtherFile());
      return sb.append(": ").append(f.getReason() != null ? f.getReason() : reason(f)).toString();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  /** Why {@code e} happened, without the path: for messages that name the file themselves. */
  public static String reason(IOException e) {
    if (e instanceof FileSystemException f) return f.getReason() != null ? f.getReason() : reason(f);
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  /**
   * {@code e} with {@code file} named, for the errors of a write that name none: a full disk or quota says only
   * "No space left on device". An exception that names its file already is returned as it is.
   */
  public static IOException naming(java.nio.file.Path file, String doing, IOException e) {
    if (e instanceof FileSystemException f && f.getFile() != null) return e;
    FileSystemException named = new FileSystemException(file.toString(), null, doing + ": " + reason(e));
    named.initCause(e);
    return named;
  }

  private static String reason(FileSystemException e) {
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
