package org.modsvc.switcher.generation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.modsvc.switcher.fs.HostPath;

/**
 * {@link Layout#onDisk} for many paths at once: every parent directory is resolved inside the root
 * once (an {@code lstat} per component) and remembered, since the owned files of a switch share a
 * handful of directories. For one pass over the tree (a plan, a drift check), not across passes.
 */
final class ResolvedPaths {
  private final Layout layout;
  private final Map<HostPath, Path> dirs = new HashMap<>();

  ResolvedPaths(Layout layout) {
    this.layout = layout;
  }

  /** {@code path} on disk, its directories resolved inside the root, its last component as is. */
  Path entry(HostPath path) throws IOException {
    HostPath parent = path.parent();
    if (parent == null) {
      return layout.onDisk(path);
    }
    Path dir = dirs.get(parent);
    if (dir == null) {
      dir = layout.dirOnDisk(parent);
      dirs.put(parent, dir);
    }
    return dir.resolve(path.name());
  }
}
