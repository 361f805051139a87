package org.modsvc.agent.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The inputs whose change makes the daemon evaluate again: the files and directories the last
 * evaluation read, and the module directory, where a new or removed {@code *.nix} counts. Until the
 * evaluator reports what it read, every file and directory below the module directory stands in for
 * it (imports and {@code readFile} targets usually live there). A file counts by its path (an
 * editor's rename into place changes it); a directory by its entries.
 *
 * @param modulesDir the directory whose {@code *.nix} entries are the module list
 * @param moduleFile for {@code --modules FILE}: that file, the only module (other {@code *.nix}
 *     beside it do not count)
 * @param files regular files (or paths that were missing when read) whose content counts
 * @param dirs directories whose list of entries counts
 */
record WatchSet(
    Path modulesDir,
    java.util.Optional<Path> moduleFile,
    SortedSet<Path> files,
    SortedSet<Path> dirs) {
  /**
   * Bound on the walk of the module directory, so a mistaken {@code --modules /} cannot exhaust
   * inotify watches.
   */
  static final int MAX_ENTRIES = 20_000;

  WatchSet {
    files = new TreeSet<>(files);
    dirs = new TreeSet<>(dirs);
  }

  /**
   * The inputs of a module path: {@code filesRead} (what the evaluator reported; empty when
   * unknown) plus the module directory, walked.
   */
  static WatchSet of(Path modules, Set<Path> filesRead) {
    Path m = modules.toAbsolutePath().normalize();
    boolean single = Files.isRegularFile(m);
    Path dir = single ? m.getParent() : m;
    SortedSet<Path> files = new TreeSet<>();
    SortedSet<Path> dirs = new TreeSet<>();
    dirs.add(dir);
    if (single) {
      files.add(m);
    } else {
      walk(dir, files, dirs);
    }
    for (Path p : filesRead) {
      Path a = p.toAbsolutePath().normalize();
      if (Files.isDirectory(a, LinkOption.NOFOLLOW_LINKS)) dirs.add(a);
      else files.add(a);
    }
    return new WatchSet(
        dir, single ? java.util.Optional.of(m) : java.util.Optional.empty(), files, dirs);
  }

  private static void walk(Path dir, SortedSet<Path> files, SortedSet<Path> dirs) {
    if (!Files.isDirectory(dir)) return;
    try (Stream<Path> s = Files.walk(dir)) {
      s.limit(MAX_ENTRIES)
          .filter(p -> p.equals(dir) || !isEditorFile(p))
          .forEach(
              p -> {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) dirs.add(p);
                else files.add(p);
              });
    } catch (IOException | java.io.UncheckedIOException e) {
      // an unreadable subdirectory: its parent is still watched, and the evaluation will say what
      // it cannot read
    }
  }

  /** Whether every file and directory of {@code other} is in this set too. */
  boolean covers(WatchSet other) {
    return files.containsAll(other.files) && dirs.containsAll(other.dirs);
  }

  /**
   * Hidden files and backups ({@code .web.nix.swp}, {@code web.nix~}): what editors keep beside the
   * file they edit, rewritten as the user types. The walk leaves them out; one the evaluation reads
   * is in its files read.
   */
  static boolean isEditorFile(Path p) {
    String name = p.getFileName().toString();
    return name.startsWith(".") || name.endsWith("~");
  }

  /** The directories to watch: each directory of the set and the parent of each file. */
  SortedSet<Path> watchedDirectories() {
    SortedSet<Path> all = new TreeSet<>(dirs);
    for (Path f : files) {
      if (f.getParent() != null) all.add(f.getParent());
    }
    return all;
  }

  /**
   * Whether an event on {@code path} (created, changed, deleted or renamed) is a change of the
   * inputs.
   */
  boolean concerns(Path path) {
    if (files.contains(path)) return true;
    Path parent = path.getParent();
    if (parent == null) return false;
    if (parent.equals(modulesDir) && moduleFile.isEmpty()) {
      // a module, or a directory (modules import from subdirectories; the walk of the next
      // evaluation adds it)
      return path.getFileName().toString().endsWith(".nix")
          || dirs.contains(path)
          || Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
    }
    // an entry appearing or going in a directory the evaluation listed (readDir, pathExists), or a
    // subdirectory of
    // the module tree appearing
    return dirs.contains(parent)
        && !parent.equals(modulesDir)
        && !(parent.startsWith(modulesDir) && isEditorFile(path));
  }
}
