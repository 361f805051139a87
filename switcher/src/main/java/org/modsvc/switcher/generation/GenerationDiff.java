package org.modsvc.switcher.generation;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import org.modsvc.switcher.fs.HostPath;

/**
 * Paths added, changed (content, mode, kind or target) and removed going from one manifest to
 * another.
 */
public record GenerationDiff(
    SortedSet<HostPath> added, SortedSet<HostPath> changed, SortedSet<HostPath> removed) {

  public GenerationDiff {
    added = Collections.unmodifiableSortedSet(new TreeSet<>(added));
    changed = Collections.unmodifiableSortedSet(new TreeSet<>(changed));
    removed = Collections.unmodifiableSortedSet(new TreeSet<>(removed));
  }

  public static GenerationDiff between(Manifest from, Manifest to) {
    TreeSet<HostPath> added = new TreeSet<>();
    TreeSet<HostPath> changed = new TreeSet<>();
    TreeSet<HostPath> removed = new TreeSet<>();
    to.entries()
        .forEach(
            (path, entry) -> {
              ManifestEntry old = from.entries().get(path);
              if (old == null) {
                added.add(path);
              } else if (!old.sameContent(entry)) {
                changed.add(path);
              }
            });
    for (HostPath path : from.entries().keySet()) {
      if (!to.entries().containsKey(path)) {
        removed.add(path);
      }
    }
    return new GenerationDiff(added, changed, removed);
  }

  public boolean isEmpty() {
    return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
  }

  /**
   * {@code diff}-style lines: {@code + path}, {@code ~ path}, {@code - path}, sorted by path within
   * each group.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    added.forEach(p -> sb.append("+ ").append(p).append('\n'));
    changed.forEach(p -> sb.append("~ ").append(p).append('\n'));
    removed.forEach(p -> sb.append("- ").append(p).append('\n'));
    return sb.toString();
  }
}
