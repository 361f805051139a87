package org.modsvc.switcher.generation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.modsvc.switcher.fs.HostPath;
import org.modsvc.switcher.fs.LiveEntry;
import org.modsvc.switcher.fs.LiveHashes;

/**
 * Decides how to move the live tree from the {@code current} generation to a {@code target} one,
 * checking ownership first: every path is inspected and every conflict collected before a single
 * operation is returned, so a refused switch changes nothing.
 *
 * <p>A path is <i>owned</i> when the current manifest lists it and the disk still holds what that
 * entry describes. When {@code resuming} (the target's manifest was persisted by an interrupted
 * run), a path that already holds the target's content is owned as well: that is what makes a
 * resumed application idempotent.
 *
 * <table>
 *   <caption>Target wants path P</caption>
 *   <tr><th>disk at P</th><th>action</th></tr>
 *   <tr><td>target content (owned)</td><td>nothing</td></tr>
 *   <tr><td>absent</td><td>write</td></tr>
 *   <tr><td>current content</td><td>write (atomic replace)</td></tr>
 *   <tr><td>other, P in current manifest</td><td>HAND_EDITED, or overwrite with --force</td></tr>
 *   <tr><td>other, P not ours</td><td>UNMANAGED, or backup then write with --force</td></tr>
 * </table>
 *
 * A path only the current generation has is deleted when it still holds our content (a hand-edited
 * one is HAND_EDITED unless --force), and its {@code .modsvc-backup} is moved back if the agent had
 * displaced one.
 */
public final class LiveTreePlanner {

  /**
   * The decided operations (in execution order) and the target manifest with ownership bookkeeping
   * filled in.
   */
  public record Plan(List<FileOp> ops, Manifest target, List<String> notes) {
    public Plan {
      ops = List.copyOf(ops);
      notes = List.copyOf(notes);
    }
  }

  private final Layout layout;
  private final LiveHashes hashes;

  /**
   * @param hashes the live files' hashes this process has seen (the switcher's, shared with its
   *     drift checks)
   */
  public LiveTreePlanner(Layout layout, LiveHashes hashes) {
    this.layout = layout;
    this.hashes = hashes;
  }

  public LiveTreePlanner(Layout layout) {
    this(layout, new LiveHashes());
  }

  /**
   * What the live tree holds of ours when switches were interrupted before their files were all
   * written ({@code interrupted}, oldest first): {@code current} with, at each path, the entry of
   * whichever of these generations the disk matches now. A path none of them matches keeps {@code
   * current}'s entry (a hand edit of our file), or, when it is absent, the newest entry naming it
   * (a displaced file's backup is still to be restored); a foreign file at a path only an
   * interrupted generation names is not ours. The result keeps {@code current}'s number, so
   * planning from it to a new generation leaves no file of theirs behind.
   */
  public Manifest ownedBase(Manifest current, List<Manifest> interrupted) throws IOException {
    if (interrupted.isEmpty()) {
      return current;
    }
    List<Manifest> newestFirst = new ArrayList<>(interrupted);
    java.util.Collections.reverse(newestFirst);
    newestFirst.add(current);
    SortedSet<HostPath> paths = new TreeSet<>();
    SortedSet<HostPath> dirs = new TreeSet<>();
    for (Manifest m : newestFirst) {
      paths.addAll(m.entries().keySet());
      dirs.addAll(m.createdDirs());
    }
    SortedMap<HostPath, ManifestEntry> owned = new TreeMap<>();
    ResolvedPaths disk = new ResolvedPaths(layout);
    for (HostPath path : paths) {
      LiveEntry live = hashes.inspect(disk.entry(path));
      ManifestEntry chosen = null;
      for (Manifest m : newestFirst) {
        ManifestEntry e = m.entries().get(path);
        if (e != null && e.matches(live)) {
          chosen = e;
          break;
        }
      }
      if (chosen == null) {
        chosen =
            live.exists()
                ? current.entries().get(path)
                : newestFirst.stream()
                    .map(m -> m.entries().get(path))
                    .filter(e -> e != null)
                    .findFirst()
                    .orElse(null);
      }
      if (chosen != null) {
        owned.put(path, chosen);
      }
    }
    return current.withEntries(owned, dirs);
  }

  public Plan plan(Manifest current, Manifest target, boolean force, boolean resuming)
      throws IOException {
    return plan(current, target, force, resuming, Repair.MISSING);
  }

  /**
   * As {@link #plan(Manifest, Manifest, boolean, boolean)}; with {@link Repair#MISSING_AND_ALTERED}
   * an owned file that was edited in place ({@link OwnedDrift.Kind#ALTERED}) is written without
   * --force. A replaced one stays a conflict: it is someone's own file now.
   */
  public Plan plan(
      Manifest current, Manifest target, boolean force, boolean resuming, Repair repair)
      throws IOException {
    List<Conflict> conflicts = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<FileOp> removals = new ArrayList<>();
    List<FileOp> backups = new ArrayList<>();
    List<FileOp> writes = new ArrayList<>();
    SortedMap<HostPath, ManifestEntry> annotated = new TreeMap<>();
    SortedSet<HostPath> newDirs = new TreeSet<>();
    ResolvedPaths disk = new ResolvedPaths(layout);

    for (Map.Entry<HostPath, ManifestEntry> e : current.entries().entrySet()) {
      if (!target.entries().containsKey(e.getKey())) {
        planRemoval(e.getKey(), e.getValue(), force, disk, removals, conflicts, notes);
      }
    }
    for (Map.Entry<HostPath, ManifestEntry> e : target.entries().entrySet()) {
      HostPath path = e.getKey();
      ManifestEntry tgt = e.getValue();
      ManifestEntry cur = current.entries().get(path);
      checkAncestors(path, current, target, disk, conflicts, newDirs);
      LiveEntry live = hashes.inspect(disk.entry(path));
      boolean displaced = (cur != null && cur.displaced()) || (resuming && tgt.displaced());
      if (tgt.matches(live) && (cur != null || resuming)) {
        annotated.put(path, tgt.withDisplaced(displaced));
        continue;
      }
      if (!live.exists() || (cur != null && cur.matches(live))) {
        writes.add(new FileOp.Write(path, tgt));
      } else if (cur != null) {
        boolean altered =
            OwnedDrift.classify(cur, live, layout.storeDir()).orElse(null)
                == OwnedDrift.Kind.ALTERED;
        if (!force && !(altered && repair == Repair.MISSING_AND_ALTERED)) {
          conflicts.add(new Conflict(path, Conflict.Kind.HAND_EDITED, describe(live)));
          continue;
        }
        notes.add((force ? "overwrote hand-edited " : "restored hand-edited ") + path);
        writes.add(new FileOp.Write(path, tgt));
      } else {
        // Someone else's file. A resumed run may find the backup it was already allowed to make
        // pending.
        boolean backupAllowed = force || (resuming && tgt.displaced());
        if (!backupAllowed) {
          conflicts.add(new Conflict(path, Conflict.Kind.UNMANAGED, describe(live)));
          continue;
        }
        if (Files.exists(disk.entry(backupOf(path)), LinkOption.NOFOLLOW_LINKS)) {
          conflicts.add(new Conflict(path, Conflict.Kind.BACKUP_EXISTS, describe(live)));
          continue;
        }
        notes.add("moved " + describe(live) + " " + path + " to " + backupOf(path));
        backups.add(new FileOp.Backup(path));
        writes.add(new FileOp.Write(path, tgt));
        displaced = true;
      }
      annotated.put(path, tgt.withDisplaced(displaced));
    }
    if (!conflicts.isEmpty()) {
      throw new OwnershipException(conflicts);
    }

    SortedSet<HostPath> known = new TreeSet<>(current.createdDirs());
    known.addAll(newDirs);
    if (resuming) {
      known.addAll(target.createdDirs());
    }
    SortedSet<HostPath> keptDirs = new TreeSet<>();
    List<FileOp> cleanup = new ArrayList<>();
    known.stream()
        .sorted(
            Comparator.comparingInt((HostPath d) -> d.components().size())
                .reversed()
                .thenComparing(d -> d))
        .forEach(
            d -> {
              if (target.entries().keySet().stream().anyMatch(p -> p.isBelow(d))) {
                keptDirs.add(d);
              } else {
                cleanup.add(new FileOp.RemoveEmptyDir(d));
              }
            });

    List<FileOp> ops = new ArrayList<>(removals);
    ops.addAll(backups);
    ops.addAll(writes);
    ops.addAll(cleanup);
    return new Plan(ops, target.withEntries(annotated, keptDirs), notes);
  }

  private void planRemoval(
      HostPath path,
      ManifestEntry cur,
      boolean force,
      ResolvedPaths disk,
      List<FileOp> ops,
      List<Conflict> conflicts,
      List<String> notes)
      throws IOException {
    layout.managedDirOf(path);
    LiveEntry live = hashes.inspect(disk.entry(path));
    boolean backupThere = Files.exists(disk.entry(backupOf(path)), LinkOption.NOFOLLOW_LINKS);
    boolean restore = cur.displaced() && backupThere;
    if (!live.exists() || cur.matches(live)) {
      if (live.exists()) {
        ops.add(new FileOp.Remove(path));
      }
    } else if (cur.displaced() && !backupThere) {
      return; // an interrupted run already restored the displaced file: it is its owner's again
    } else if (force) {
      notes.add("deleted hand-edited " + path);
      ops.add(new FileOp.Remove(path));
    } else {
      conflicts.add(new Conflict(path, Conflict.Kind.HAND_EDITED, describe(live)));
      return;
    }
    if (restore) {
      ops.add(new FileOp.Restore(path));
    }
  }

  /**
   * Directories between the managed directory and the file must be real directories: a symlink
   * there would let a write land outside the root. Missing ones will be created (and remembered as
   * ours).
   */
  private void checkAncestors(
      HostPath path,
      Manifest current,
      Manifest target,
      ResolvedPaths disk,
      List<Conflict> conflicts,
      SortedSet<HostPath> newDirs)
      throws IOException {
    HostPath base = layout.managedDirOf(path);
    for (HostPath dir : path.ancestorsBelow(base)) {
      LiveEntry live = hashes.inspect(disk.entry(dir));
      if (!live.exists()) {
        newDirs.add(dir);
      } else if (live instanceof LiveEntry.Other o && o.kind().equals("directory")) {
        continue;
      } else if (current.entries().containsKey(dir)
          && !target.entries().containsKey(dir)
          && current.entries().get(dir).matches(live)) {
        newDirs.add(dir); // our own file, deleted before the writes: the directory takes its place
      } else {
        conflicts.add(
            new Conflict(
                dir,
                Conflict.Kind.NOT_A_DIRECTORY,
                describe(live) + " where " + path + " needs a directory"));
        return;
      }
    }
  }

  static HostPath backupOf(HostPath path) {
    return path.parent().resolve(path.name() + ManifestEntry.BACKUP_SUFFIX);
  }

  private static String describe(LiveEntry live) {
    if (live instanceof LiveEntry.RegularFile) {
      return "a file";
    }
    if (live instanceof LiveEntry.Symlink s) {
      return "a symlink to " + s.target();
    }
    if (live instanceof LiveEntry.Other o) {
      return "a " + o.kind();
    }
    return "nothing";
  }
}
