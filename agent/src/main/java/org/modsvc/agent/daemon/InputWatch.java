package org.modsvc.agent.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Watches the directories of a {@link WatchSet} with inotify (not recursive, so each directory has
 * its watch) and tells the listener about every batch of events that concerns the set, with whether
 * a watched file is still open for writing afterwards ({@link OpenWrites}, docs/decisions.md §13).
 * A queue overflow, a watched directory going away and a failure to read count as a change: the
 * daemon's fingerprint then decides whether anything really changed. One thread, blocked in {@code
 * poll()} while nothing happens: no polling loop; {@link #close} wakes it through an eventfd.
 */
final class InputWatch implements AutoCloseable {
  /** Told about the events (on the watch thread, but for a directory gone before its watch). */
  interface Listener {
    /**
     * @param what the first relevant path of a batch of events, or the reason (overflow, a
     *     directory gone, a failure to read)
     * @param stillWriting whether, after these events, a watched file is still open for writing
     *     (created or modified and not yet closed)
     */
    void changed(String what, boolean stillWriting);
  }

  /**
   * First pause after the reading failed, doubling while it keeps failing up to {@link
   * #MAX_FAILURE_PAUSE}.
   */
  static final Duration FIRST_FAILURE_PAUSE = Duration.ofMillis(100);

  static final Duration MAX_FAILURE_PAUSE = Duration.ofMinutes(1);

  private final Inotify inotify;
  private final Listener listener;
  private final Consumer<String> problems;
  private final Thread thread;
  // all below guarded by this
  private final Map<Path, Integer> watches = new HashMap<>();

  /** Two paths of one directory (a bind mount, the module directory's link) share a watch. */
  private final Map<Integer, SortedSet<Path>> dirs = new HashMap<>();

  /** Directories whose watch failed, with the errno already reported (once, not every cycle). */
  private final Map<Path, Integer> unwatchable = new HashMap<>();

  private final OpenWrites openWrites = new OpenWrites();
  private WatchSet set;
  private boolean started;
  private boolean closing;
  private boolean descriptorsClosed;

  /**
   * @param listener called on the watch thread for each batch of relevant events or a failure to
   *     read, and on {@link #watch}'s caller for a directory that vanished before its watch
   * @param problems a directory that could not be watched (logged once per directory and reason;
   *     each later {@link #watch} retries), a failure to read
   * @throws IOException no inotify instance: the daemon does not start (docs/decisions.md §13)
   */
  InputWatch(Listener listener, Consumer<String> problems) throws IOException {
    this(openInotify(), listener, problems);
  }

  /** Over {@code inotify} (tests pass one whose calls fail on demand). */
  InputWatch(Inotify inotify, Listener listener, Consumer<String> problems) {
    this.inotify = inotify;
    this.listener = listener;
    this.problems = problems;
    this.thread = new Thread(this::run, "modsvc-watch");
    thread.setDaemon(true);
  }

  static Inotify openInotify() throws IOException {
    return openInotify(Inotify.systemLibC());
  }

  static Inotify openInotify(Inotify.LibC libc) throws IOException {
    try {
      return Inotify.open(libc);
    } catch (IOException e) {
      throw new IOException("cannot watch the module files: " + e.getMessage(), e);
    }
  }

  synchronized void start() {
    if (closing) return;
    started = true;
    thread.start();
  }

  /**
   * Watches {@code next} from now on: directories it adds get a watch, those it no longer needs
   * lose theirs. A directory that cannot be watched is reported once (again only when the reason
   * changes) and retried at each call; the others are watched. One that vanished between the
   * listing and its watch is a change.
   */
  void watch(WatchSet next) {
    Map<String, List<Path>> failures = new TreeMap<>();
    List<Path> vanished = new ArrayList<>();
    synchronized (this) {
      if (closing || descriptorsClosed) return;
      update(next, failures, vanished);
    }
    failures.forEach((reason, paths) -> problems.accept(cannotWatch(paths, reason)));
    if (!vanished.isEmpty()) {
      listener.changed(vanished.get(0) + " went away before it was watched", false);
    }
  }

  private void update(WatchSet next, Map<String, List<Path>> failures, List<Path> vanished) {
    Set<Path> wanted = new TreeSet<>(next.watchedDirectories());
    // a missing module directory: its nearest existing ancestor, so creating it is seen
    Path m = next.modulesDir();
    while (m != null && !Files.isDirectory(m)) {
      m = m.getParent();
      if (m != null) wanted.add(m);
    }
    this.set = next;
    openWrites.retain(next::concerns);
    unwatchable.keySet().retainAll(wanted);
    for (Iterator<Map.Entry<Path, Integer>> it = watches.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Path, Integer> e = it.next();
      if (!wanted.contains(e.getKey())) {
        it.remove();
        forget(e.getValue(), e.getKey());
      }
    }
    for (Path d : wanted) {
      if (watches.containsKey(d)) continue;
      Inotify.Failure f = add(d);
      if (f == null) {
        unwatchable.remove(d);
      } else if (f.errno() == Inotify.ENOENT || f.errno() == Inotify.ENOTDIR) {
        vanished.add(d); // its parent's watch may have been added after it went
      } else if (!Integer.valueOf(f.errno()).equals(unwatchable.put(d, f.errno()))) {
        failures.computeIfAbsent(f.reason(), k -> new ArrayList<>()).add(d);
      }
    }
  }

  /** One line for the directories one reason hit in one call (the watch limit hits many). */
  private static String cannotWatch(List<Path> dirs, String reason) {
    String names =
        dirs.stream().limit(3).map(Path::toString).collect(Collectors.joining(", "))
            + (dirs.size() > 3 ? " and " + (dirs.size() - 3) + " more" : "");
    return "cannot watch "
        + (dirs.size() == 1 ? names : dirs.size() + " directories (" + names + ")")
        + ": "
        + reason
        + "; their changes are not seen until the next evaluation watches them";
  }

  /**
   * A directory is watched through a symbolic link: each watched directory is the configured module
   * directory or one the evaluation itself read through (an import from a linked directory of
   * shared modules), so a change there must be seen. A link can only widen what is watched, and an
   * event only makes the daemon compare its inputs' fingerprint: it cannot make it read or write
   * anything.
   *
   * @return why it could not be watched, or null (watched, or no directory there any more)
   */
  private Inotify.Failure add(Path dir) {
    if (!Files.isDirectory(dir)) return null;
    try {
      int wd = inotify.addWatch(dir);
      watches.put(dir, wd);
      dirs.computeIfAbsent(wd, k -> new TreeSet<>()).add(dir);
      return null;
    } catch (Inotify.Failure e) {
      return e;
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

  /**
   * Reads until {@link #close}. A failure to read (or in handling what was read) must not end the
   * watch unseen: it is reported, counts as a change (events may have been lost, so the daemon
   * compares its inputs' fingerprint), and reading goes on after a pause. While the failure lasts,
   * that is a comparison of the inputs every {@link #MAX_FAILURE_PAUSE} at most instead of none.
   */
  private void run() {
    Duration pause = FIRST_FAILURE_PAUSE;
    String reported = null;
    try {
      while (true) {
        try {
          List<Inotify.Event> batch = inotify.read();
          if (batch.isEmpty()) return; // woken up by close()
          handle(batch);
          pause = FIRST_FAILURE_PAUSE;
          reported = null;
        } catch (IOException | RuntimeException e) {
          String message = String.valueOf(e.getMessage());
          if (!message.equals(reported)) {
            problems.accept(
                "the watch of the module files failed: "
                    + message
                    + "; every input counts as changed, reading again in "
                    + pause.toMillis()
                    + " ms");
            reported = message;
          }
          if (!lostEvents(message, pause)) return;
          pause = pause.multipliedBy(2);
          if (pause.compareTo(MAX_FAILURE_PAUSE) > 0) pause = MAX_FAILURE_PAUSE;
        }
      }
    } finally {
      synchronized (this) {
        descriptorsClosed = true;
        inotify.close();
      }
    }
  }

  /**
   * After a failure: events may be lost, so nothing counts as open and the listener is told; then
   * waits {@code pause}. Returns false once closing.
   */
  private boolean lostEvents(String why, Duration pause) {
    synchronized (this) {
      openWrites.forgetAll();
    }
    try {
      listener.changed("events may be lost (the watch failed: " + why + ")", false);
    } catch (RuntimeException e) {
      // the listener failing is the failure just reported; the pause keeps this from spinning
    }
    synchronized (this) {
      long end = System.nanoTime() + pause.toNanos();
      try {
        for (long left = pause.toNanos(); !closing && left > 0; left = end - System.nanoTime()) {
          TimeUnit.NANOSECONDS.timedWait(this, left);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      return !closing;
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
      notifyAll(); // ends a pause after a failure
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
