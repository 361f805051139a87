package org.modsvc.switcher.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.modsvc.nix.eval.FileGuard;

/**
 * In system mode the agent evaluates modules as root, so a module another user can change makes
 * that user root. As sshd's {@code StrictModes} does for {@code authorized_keys}, a file is read
 * only when it and every directory above it (for the path as named and once links are followed) are
 * owned by root or by the running user and writable by nobody else. A directory others may write is
 * accepted when it is sticky and owned by root or the running user ({@code /tmp}): others cannot
 * rename or remove what they do not own in it.
 */
final class StrictModes implements FileGuard {
  private static final int GROUP_OR_OTHER_WRITE = 0022;
  private static final int STICKY = 01000;

  private final int runningUid;

  /**
   * Verdicts per path (null when fine): an evaluation reads many files from the same directories.
   */
  private final Map<Path, String> checked = new HashMap<>();

  StrictModes(int runningUid) {
    this.runningUid = runningUid;
  }

  /** The guard for the agent's own user. */
  static StrictModes forThisProcess() {
    return new StrictModes(currentUid());
  }

  @Override
  public String refusal(Path file) {
    Path named = file.toAbsolutePath().normalize();
    String r = refusalOfChain(named);
    if (r != null) return r;
    Path real;
    try {
      real = named.toRealPath();
    } catch (IOException e) {
      return null; // missing or unreadable: the reader reports that in its own words
    }
    return real.equals(named) ? null : refusalOfChain(real);
  }

  /**
   * The first problem on the way from the file system root down to {@code path}, links not
   * followed.
   */
  private String refusalOfChain(Path path) {
    String r = null;
    for (Path p = path; p != null && r == null; p = p.getParent()) r = refusalOf(p);
    return r;
  }

  private String refusalOf(Path p) {
    if (checked.containsKey(p)) return checked.get(p);
    String r = inspect(p);
    checked.put(p, r);
    return r;
  }

  private String inspect(Path p) {
    int uid;
    int mode;
    String owner;
    try {
      Map<String, Object> a =
          Files.readAttributes(p, "unix:uid,mode,owner", LinkOption.NOFOLLOW_LINKS);
      uid = (Integer) a.get("uid");
      mode = (Integer) a.get("mode");
      owner = a.get("owner").toString();
    } catch (IOException | UnsupportedOperationException e) {
      return null; // missing or not a POSIX file system: nothing to judge here
    }
    boolean link = Files.isSymbolicLink(p);
    boolean ownerOk = uid == 0 || uid == runningUid;
    // A link's own mode bits mean nothing; who owns it (who may replace it) does, through its
    // directory.
    boolean writableByOthers = !link && (mode & GROUP_OR_OTHER_WRITE) != 0;
    boolean stickyDirectory =
        Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && (mode & STICKY) != 0;
    if (ownerOk && (!writableByOthers || stickyDirectory)) return null;
    String what = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "directory" : "file";
    String why =
        ownerOk ? "is writable by its group or others" : "is owned by " + owner + ", not by root";
    return String.format(
        "refusing to read %s %s: it %s (owner %s, uid %d, mode %04o); as root, modsvc reads only "
            + "files that no other user can change (like sshd's StrictModes)",
        what, p, why, owner, uid, mode & 07777);
  }

  private static int currentUid() {
    try {
      return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    } catch (IOException | UnsupportedOperationException e) {
      return 0;
    }
  }
}
