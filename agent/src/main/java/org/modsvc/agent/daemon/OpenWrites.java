package org.modsvc.agent.daemon;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The watched paths that are still being written (docs/decisions.md §13): a file created or
 * modified whose writer has not closed it yet. A path leaves the set when it is closed after
 * writing, renamed into place or away, or deleted. The daemon acts on a change almost at once when
 * this set is empty after the latest event (the change is complete: an editor's rename into place,
 * {@code cp} closing the file) and waits its full quiet period while it is not (a half-written
 * file). Fed by {@link InputWatch}'s one thread; no I/O here.
 */
final class OpenWrites {
  /** What an inotify event says about one path. */
  enum Kind {
    /** A regular file appeared ({@code IN_CREATE}): its writer has it open. */
    FILE_CREATED,
    /** Its content changed ({@code IN_MODIFY}): written, not necessarily to the end. */
    MODIFIED,
    /** Its writer closed it ({@code IN_CLOSE_WRITE}): the write is complete. */
    CLOSED_AFTER_WRITE,
    /** Renamed into place ({@code IN_MOVED_TO}): appeared whole. */
    MOVED_IN,
    /** A file or directory renamed away ({@code IN_MOVED_FROM}) or deleted ({@code IN_DELETE}). */
    GONE,
    /**
     * Anything else that changes an entry but no content: attributes, a directory or a symbolic
     * link created.
     */
    ENTRY_CHANGED
  }

  private final Set<Path> open = new HashSet<>();

  /**
   * The kind of an event on an entry of a watched directory, from its inotify mask; {@code
   * regularFile}: whether the entry is a regular file now (not following a link), which tells a
   * file's creation (its writer follows) from a link's or a special file's.
   */
  static Kind kindOf(int mask, boolean regularFile) {
    if ((mask & Inotify.IN_CLOSE_WRITE) != 0) return Kind.CLOSED_AFTER_WRITE;
    if ((mask & Inotify.IN_MOVED_TO) != 0) return Kind.MOVED_IN;
    if ((mask & (Inotify.IN_MOVED_FROM | Inotify.IN_DELETE)) != 0) return Kind.GONE;
    if ((mask & Inotify.IN_CREATE) != 0) {
      return regularFile && (mask & Inotify.IN_ISDIR) == 0 ? Kind.FILE_CREATED : Kind.ENTRY_CHANGED;
    }
    if ((mask & Inotify.IN_MODIFY) != 0) return Kind.MODIFIED;
    return Kind.ENTRY_CHANGED;
  }

  /** Records an event; returns whether any path is still being written afterwards. */
  boolean record(Path path, Kind kind) {
    switch (kind) {
      case FILE_CREATED, MODIFIED -> open.add(path);
      case CLOSED_AFTER_WRITE, MOVED_IN -> open.remove(path);
      case GONE -> forgetBelow(path); // a directory renamed away takes what is open in it along
      case ENTRY_CHANGED -> {
        // no content written: whatever was open stays open
      }
    }
    return anyOpen();
  }

  /**
   * A directory (or file) went away or moved: what was open at or below it is no longer at these
   * paths.
   */
  void forgetBelow(Path dir) {
    open.removeIf(p -> p.startsWith(dir));
  }

  /**
   * Events were lost (queue overflow): a close among them would leave its path open for good, so
   * none counts as open; the fingerprint decides whether anything changed.
   */
  void forgetAll() {
    open.clear();
  }

  /** Keeps only the paths still watched (the watch set changed). */
  void retain(Predicate<Path> watched) {
    open.removeIf(watched.negate());
  }

  boolean anyOpen() {
    return !open.isEmpty();
  }

  Set<Path> paths() {
    return Set.copyOf(open);
  }
}
