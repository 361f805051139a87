package org.modsvc.switcher.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What {@code lstat} says about a file's identity and last change: device, inode, size, type and
 * permission bits, modification and status-change times. Any write, truncation, {@code chmod}, link
 * count change or replacement by another inode changes at least one of them, so equal stamps mean
 * equal content, with two exceptions this class guards against through {@link #settledAt}: a change
 * made within the file system's timestamp granularity of the last one, and writes through a shared
 * memory mapping that is still dirty (the kernel stamps only the first write to a clean page). Both
 * windows close a few seconds after the change at most (docs/decisions.md §4).
 */
public record FileStamp(
    long device, long inode, int mode, long size, Instant modified, Instant changed) {

  /**
   * How long after its status change a file's stamp is trusted to stand for its content: above any
   * timestamp granularity (a jiffy on ext4/xfs/btrfs, 2 s on FAT) and the kernel's dirty-page
   * writeback interval, after which a mapped page takes the next write as a new stamp.
   */
  public static final Duration SETTLE = Duration.ofSeconds(35);

  private static final String ATTRIBUTES = "unix:dev,ino,mode,size,lastModifiedTime,ctime";

  /** The stamp of the entry at {@code path} itself (a final symlink is not followed). */
  public static FileStamp ofEntry(Path path) throws IOException {
    return of(Files.readAttributes(path, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS));
  }

  /** The stamp of the file {@code path} names (symlinks followed). */
  public static FileStamp of(Path path) throws IOException {
    return of(Files.readAttributes(path, ATTRIBUTES));
  }

  private static FileStamp of(Map<String, Object> a) {
    return new FileStamp(
        (Long) a.get("dev"),
        (Long) a.get("ino"),
        (Integer) a.get("mode"),
        (Long) a.get("size"),
        ((FileTime) a.get("lastModifiedTime")).toInstant(),
        ((FileTime) a.get("ctime")).toInstant());
  }

  private static final int TYPE_MASK = 0170000;

  public boolean isRegularFile() {
    return (mode & TYPE_MASK) == 0100000;
  }

  public boolean isSymbolicLink() {
    return (mode & TYPE_MASK) == 0120000;
  }

  public boolean isDirectory() {
    return (mode & TYPE_MASK) == 0040000;
  }

  /** The permission bits as {@link FileModes#toMode} gives them (no setuid, setgid or sticky). */
  public int permissions() {
    return mode & 0777;
  }

  /**
   * Whether content read after {@code now} (taken before the {@code lstat} that made this stamp)
   * can be remembered under this stamp: its last change lies at least {@link #SETTLE} before, so
   * any later change gets a different stamp.
   */
  public boolean settledAt(Instant now) {
    return changed.isBefore(now.minus(SETTLE));
  }
}
