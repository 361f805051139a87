package org.modsvc.switcher.fs;

import java.io.IOException;
import java.nio.file.FileSystemException;
import org.modsvc.nix.source.IoReason;

/**
 * An I/O error as a person can act on it: the path and what went wrong ({@code /run/modsvc/lock:
 * permission denied (EACCES)}). Java's file exceptions keep the reason in their type and give only
 * the path as message.
 */
public final class IoErrors {
  private IoErrors() {}

  public static String describe(IOException e) {
    if (e instanceof FileSystemException f && f.getFile() != null) {
      StringBuilder sb = new StringBuilder(f.getFile());
      if (f.getOtherFile() != null) sb.append(" -> ").append(f.getOtherFile());
      return sb.append(": ").append(IoReason.of(f)).toString();
    }
    return IoReason.of(e);
  }

  /** Why {@code e} happened, without the path: for messages that name the file themselves. */
  public static String reason(IOException e) {
    return IoReason.of(e);
  }

  /**
   * {@code e} with {@code file} named, for the errors of a write that name none: a full disk or
   * quota says only "No space left on device". An exception that names its file already is returned
   * as it is.
   */
  public static IOException naming(java.nio.file.Path file, String doing, IOException e) {
    if (e instanceof FileSystemException f && f.getFile() != null) return e;
    FileSystemException named =
        new FileSystemException(file.toString(), null, doing + ": " + reason(e));
    named.initCause(e);
    return named;
  }
}
