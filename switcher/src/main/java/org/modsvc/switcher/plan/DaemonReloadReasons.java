package org.modsvc.switcher.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Why systemd re-reads its units in a switch, as it will really happen: the catalog's changes
 * ({@link Planner#catalogChanges}), and every file of the unit directory the switch writes, removes
 * or restores that those do not explain. The executor makes a daemon-reload whenever the file phase
 * touched the unit directory, so an alias link or a unit file whose comments or layout alone
 * changed causes one too, and the plan's text must say so (docs/decisions.md §6).
 */
public final class DaemonReloadReasons {
  private DaemonReloadReasons() {}

  /** What happens to one path of the unit directory. */
  public enum Change {
    ADDED,
    CHANGED,
    REMOVED,
    RESTORED;

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * One path of the unit directory the switch changes.
   *
   * @param path relative to the unit directory ({@code foo.service}, {@code foo.service.d/x.conf},
   *     {@code multi-user.target.wants/foo.service})
   * @param link whether it is (or was) a symbolic link rather than a file
   */
  public record FileChange(String path, Change change, boolean link) {}

  /**
   * {@code catalogReasons}, then one reason per change of {@code files} that none of them covers: a
   * change to unit {@code X}'s file or drop-in directory is covered by a reason naming {@code X}, a
   * change in a {@code .wants}/{@code .requires}/{@code .upholds} directory by "wants links
   * changed".
   */
  public static List<String> of(List<String> catalogReasons, List<FileChange> files) {
    List<String> reasons = new ArrayList<>(catalogReasons);
    for (FileChange f : files) {
      if (!coveredBy(catalogReasons, f.path())) {
        reasons.add(describe(f));
      }
    }
    return reasons;
  }

  private static boolean coveredBy(List<String> catalogReasons, String path) {
    int slash = path.indexOf('/');
    if (slash < 0) return namesUnit(catalogReasons, path);
    String dir = path.substring(0, slash);
    if (dir.endsWith(".d")) return namesUnit(catalogReasons, dir.substring(0, dir.length() - 2));
    if (dir.endsWith(".wants") || dir.endsWith(".requires") || dir.endsWith(".upholds")) {
      return catalogReasons.contains("wants links changed");
    }
    return false;
  }

  private static boolean namesUnit(List<String> catalogReasons, String unit) {
    return catalogReasons.stream().anyMatch(r -> r.endsWith(": " + unit));
  }

  private static String describe(FileChange f) {
    if (f.link()) {
      boolean alias = f.path().indexOf('/') < 0;
      return (alias ? "alias link " : "link ") + f.change().label() + ": " + f.path();
    }
    return f.change() == Change.CHANGED
        ? "unit file rewritten, same settings (comments or layout): " + f.path()
        : "unit directory file " + f.change().label() + ": " + f.path();
  }
}
