package org.modsvc.switcher.fs;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link LiveEntry#inspect} for a process that looks at the same files again and again (a switch
 * plans from the live tree twice and checks its drift once, a daemon checks drift every few
 * minutes): a regular file's content hash is remembered with the file's {@link FileStamp} and
 * reused while the stamp is unchanged, so an unchanged file costs one {@code lstat} instead of an
 * open, a read and a hash. Only the hash of a file that had settled when it was read is remembered
 * ({@link FileStamp#settledAt}): a change within the timestamp granularity of the one before, or
 * through a still-dirty shared mapping, could keep its stamp, so a recently changed file is read
 * every time (docs/decisions.md §4).
 */
public final class LiveHashes {

  /** Bounds the memory of a process that meets many paths; clearing only costs reads. */
  private static final int LIMIT = 1 << 16;

  private record Known(FileStamp stamp, String sha256) {}

  private final Clock clock;
  private final Map<Path, Known> known = new ConcurrentHashMap<>();

  public LiveHashes(Clock clock) {
    this.clock = clock;
  }

  public LiveHashes() {
    this(Clock.systemUTC());
  }

  /** What is at {@code path} (no symlink followed at the last component), as LiveEntry#inspect. */
  public LiveEntry inspect(Path path) throws IOException {
    java.time.Instant before = clock.instant();
    FileStamp stamp;
    try {
      stamp = FileStamp.ofEntry(path);
    } catch (NoSuchFileException e) {
      known.remove(path);
      return new LiveEntry.Absent();
    } catch (UnsupportedOperationException | IllegalArgumentException noUnixAttributes) {
      return LiveEntry.inspect(path); // a file system without the unix view: nothing remembered
    }
    if (!stamp.isRegularFile()) {
      known.remove(path);
      return notRegular(path, stamp);
    }
    Known k = known.get(path);
    if (k != null && k.stamp().equals(stamp)) {
      return new LiveEntry.RegularFile(stamp.permissions(), k.sha256());
    }
    LiveEntry now = LiveEntry.inspect(path);
    if (now instanceof LiveEntry.RegularFile f && stamp.settledAt(before)) {
      // read after the stamp: if the file changed in between, its stamp changed too, and this
      // entry (the old stamp) is never met again
      if (known.size() >= LIMIT) {
        known.clear();
      }
      known.put(path, new Known(stamp, f.sha256()));
    } else {
      known.remove(path);
    }
    return now;
  }

  private static LiveEntry notRegular(Path path, FileStamp stamp) throws IOException {
    if (stamp.isSymbolicLink()) {
      try {
        return new LiveEntry.Symlink(java.nio.file.Files.readSymbolicLink(path).toString());
      } catch (java.nio.file.FileSystemException replaced) {
        return LiveEntry.inspect(path); // no longer a link: look again
      }
    }
    return new LiveEntry.Other(stamp.isDirectory() ? "directory" : "special file");
  }

  /** Whether a hash is remembered for {@code path} (for tests of what is trusted). */
  boolean remembers(Path path) {
    return known.containsKey(path);
  }
}
