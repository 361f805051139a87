package org.modsvc.switcher.generation;

import org.modsvc.switcher.fs.HostPath;

/**
 * One change to the live tree, decided by {@link LiveTreePlanner} and carried out by {@link
 * LiveTreeApplier}.
 */
public sealed interface FileOp {

  HostPath path();

  /** Delete a file or link the agent owns. */
  record Remove(HostPath path) implements FileOp {}

  /**
   * Move {@code <path>.modsvc-backup} back to {@code path}: the agent stopped managing a path it
   * had displaced.
   */
  record Restore(HostPath path) implements FileOp {}

  /** Move a foreign file at {@code path} to {@code <path>.modsvc-backup} ({@code --force}). */
  record Backup(HostPath path) implements FileOp {}

  /**
   * Write the file or link {@code entry} describes (creating missing directories below the managed
   * one).
   */
  record Write(HostPath path, ManifestEntry entry) implements FileOp {}

  /** Remove a directory the agent created once it no longer holds anything. */
  record RemoveEmptyDir(HostPath path) implements FileOp {}

  default String describe() {
    return getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + " " + path();
  }
}
