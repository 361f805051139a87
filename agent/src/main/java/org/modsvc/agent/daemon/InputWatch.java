package org.modsvc.agent.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Watches the directories of a {@link WatchSet} with inotify (not recursive, so each directory has
 * its watch) and tells the listener about every batch of events that concerns the set, with whether
 * a watched file is still open for writing afterwards ({@link OpenWrites}, docs/decisions.md §13).
 * A queue overflow or a watched directory going away counts as a change: the daemon's fingerprint
 * then decides whether anything really changed. One thread, blocked in {@code poll()} while nothing
 * happens: no polling loop; {@link #close} wakes it through an eventfd.
 */
final class InputWatch implements AutoCloseable {
  /** Told about the events on the watch thread. */
  interface Listener {
    /**
     * @param what the first relevant path of a batch of events, or the reason (overflow, a
     *     directory gone)
     * @param stillWriting whether, after these events, a watched file is still open for writing
     *     (created or modified and not yet closed)
     */
    void changed(String what, boolean stillWriting);
  }

  private final Inotify inotify;
  private final Listener listener;
  private final Consumer<String> problems;
  private final Thread thread;
  // all below guarded by this
  private final Map<Path, Integer> watches = new HashMap<>();

  /** Two paths of one directory (a bind mount, the module directory's link) share a watch. */
  private final Map<Integer, SortedSet<Path>> dirs = new HashMap<>();

  private final OpenWrites openWrites = new OpenWrites();
  private WatchSet set;
  private boolean started;
  private boolean closing;
  private boolean descriptorsClosed;

  /**
   * @param listener called on the watch thread for each batch of relevant events
   * @param problems a directory that could not be watched (logged; the next evaluation retries)
   */
  InputWatch(Listener listener, Consumer<String> problems) throws IOException {
    this.inotify = Inotify.open();
    this.listener = listener;
    this.problems = problems;
    this.thread = new Thread(this::run, "modsvc-watch");
    thread.setDaemon(true);
  }

  synchronized void start() {
    if (closing) return;
    started = true;
    thread.start();
  }

  /**
   * Watches {@code next} from now on: directories it adds get a watch, those it no longer needs
   * lose theirs.
   */
  synchronized void watch(WatchSet next) {
    if (closing || descriptorsClosed) return;
    Set<Path> wanted = new TreeSet<>(next.watchedDirectories());
    // a missing module directory: its nearest existing ancestor, so creating it is seen
    Path m = next.modulesDir();
    while (m != null && !Files.isDirectory(m)) {
      m = m.getParent();
      if (m != null) wanted.add(m);
    }
    this.set = next;
    openWrites.retain(next::concerns);
    for (Iterator<Map.Entry<Path, Integer>> it = watches.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Path, Integer> e = it.next();
      if (!wanted.contains(e.getKey())) {
        it.remove();
        forget(e.getValue(), e.getKey());
      }
    }
    for (Path d : wanted) {
      if (!watches.containsKey(d)) add(d, next);
    }
  }

  /**
   * A directory is watched through a symbolic link: each watched directory is the configured module
   * directory or one the evaluation itself read through (an import from a linked directory of
   * shared modules), so a change there must be seen. A link can only widen what is watched, and an
   * event only makes the daemon compare its inputs' fingerprint: it cannot make it read or write
   * anything.
   */
  private void add(Path dir, WatchSet next) {
    if (!Files.isDirectory(dir)) return;
    try {
      int wd = inotify.addWatch(dir);
      watches.put(dir, wd);
      dirs.computeIfAbsent(wd, k -> new TreeSet<>()).add(dir);
    } catch (IOException e) {
      problems.accept("cannot watch " + dir + ": " + e.getMessage());
    }
  }

  /** {@code dir} no longer uses watch {@code wd}; the watch ends once no path uses it. */
  private void forget(int wd, Path dir) {
    SortedSet<Path> paths = dirs.get(wd);
    if (paths == null) return;
    paths.remove(dir);
    if (paths.isEmpty()) {
      dirs.remove(wd);
      inotify.removeWatch(wd);
    }
  }

  int watchedDirectories() {
    synchronized (this) {
      return watches.size();
    }
  }

  /** Whether a watched file is open for writing now (for a change the daemon posts itself). */
  synchronized boolean stillWriting() {
    return openWrites.anyOpen();
  }

  private void run() {
    try {
      while (true) {
        List<Inotify.Event> batch = inotify.read();
        if (batch.isEmpty()) return; // woken up by close()
        handle(batch);
      }
    } catch (IOException | RuntimeException e) {
      problems.accept("the watch of the module files stopped: " + e.getMessage());
    } finally {
      synchronized (this) {
        descriptorsClosed = true;
        inotify.close();
      }
    }
  }

  /** Told outside the lock, so a slow listener never holds up {@link #watch} or {@link #close}. */
  private void handle(List<Inotify.Event> batch) {
    String change = null;
    boolean stillWriting;
    synchronized (this) {
      for (Inotify.Event e : batch) {
        String c = handle(e);
        // the first change names the batch, unless events were lost: that is worth the log line
        if (change == null || e.is(Inotify.IN_Q_OVERFLOW)) change = c != null ? c : change;
      }
      stillWriting = openWrites.anyOpen();
    }
    if (change != null) listener.changed(change, stillWriting);
  }

  /** One event: the change it makes (a path or a reason), or null when it concerns no input. */
  private String handle(Inotify.Event e) {
    if (e.is(Inotify.IN_Q_OVERFLOW)) {
      openWrites.forgetAll();
      return "events lost (inotify queue overflow)";
    }
    SortedSet<Path> paths = dirs.get(e.wd());
    if (paths == null) return null; // a watch ended meanwhile (its IN_IGNORED, or a late event)
    if (e.name().isEmpty()) return handleDirectoryItself(e, paths);
    String change = null;
    for (Path d : paths) {
      Path p;
      try {
        p = d.resolve(e.name());
      } catch (InvalidPathException x) {
        // a name this JVM cannot represent: something changed in d, which the fingerprint sorts
        // out
        change = change != null ? change : "an entry of " + d;
        continue;
      }
      WatchSet s = set;
      if (!(s.concerns(p) || isAncestorOfModules(s, p))) continue;
      boolean regularFile =
          e.is(Inotify.IN_CREATE) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
      openWrites.record(p, OpenWrites.kindOf(e.mask(), regularFile));
      change = change != null ? change : p.toString();
    }
    return change;
  }

  /**
   * The watched directory itself went away (deleted, renamed, its file system unmounted): its watch
   * ends; the next evaluation watches whatever is at its path then. Its own attributes are no
   * input.
   */
  private String handleDirectoryItself(Inotify.Event e, SortedSet<Path> paths) {
    if (!e.is(Inotify.IN_DELETE_SELF | Inotify.IN_MOVE_SELF | Inotify.IN_IGNORED)) return null;
    dirs.remove(e.wd());
    for (Path d : paths) {
      watches.remove(d);
      openWrites.forgetBelow(d);
    }
    // a renamed directory would go on reporting its entries under the old path
    if (e.is(Inotify.IN_MOVE_SELF)) inotify.removeWatch(e.wd());
    return paths.first() + " went away";
  }

  /** The module directory itself, or a directory on its way, created, removed or renamed. */
  private static boolean isAncestorOfModules(WatchSet s, Path p) {
    return s.modulesDir().startsWith(p);
  }

  /** Ends the watch thread (woken through the eventfd) and closes the inotify descriptor. */
  @Override
  public void close() {
    synchronized (this) {
      if (closing) return;
      closing = true;
      if (descriptorsClosed) return;
      if (!started) {
        descriptorsClosed = true;
        inotify.close();
        return;
      }
      inotify.wakeUp();
    }
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether the watch thread has ended (for tests). */
  boolean threadEnded() {
    return !thread.isAlive();
  }
}
