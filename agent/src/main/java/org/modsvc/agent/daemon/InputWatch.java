package org.modsvc.agent.daemon;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Watches the directories of a {@link WatchSet} with the JDK's WatchService (inotify on Linux; not
 * recursive, so each directory is registered) and tells {@code onChange} about every event that
 * concerns the set. An overflow (more than 512 queued events on a directory) or a watched directory
 * going away counts as a change: the daemon's fingerprint then decides whether anything really
 * changed. One thread, blocked in {@code take()} while nothing happens: no polling.
 */
final class InputWatch implements AutoCloseable {
  private final WatchService service;
  private final Consumer<String> onChange;
  private final Consumer<String> problems;
  private final Map<Path, WatchKey> keys = new HashMap<>();
  private final Map<WatchKey, Path> dirs = new HashMap<>();
  private volatile WatchSet set;
  private final Thread thread;

  /**
   * @param onChange called on the watch thread with the path (or reason) of each relevant event
   * @param problems a directory that could not be watched (logged; the next evaluation retries)
   */
  InputWatch(Consumer<String> onChange, Consumer<String> problems) throws IOException {
    this.service = FileSystems.getDefault().newWatchService();
    this.onChange = onChange;
    this.problems = problems;
    this.thread = new Thread(this::run, "modsvc-watch");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /**
   * Watches {@code next} from now on: directories it adds are registered, those it no longer needs
   * cancelled.
   */
  synchronized void watch(WatchSet next) {
    Set<Path> wanted = new java.util.TreeSet<>(next.watchedDirectories());
    // a missing module directory: its nearest existing ancestor, so creating it is seen
    Path m = next.modulesDir();
    while (m != null && !Files.isDirectory(m)) {
      m = m.getParent();
      if (m != null) wanted.add(m);
    }
    this.set = next;
    for (Iterator<Map.Entry<Path, WatchKey>> it = keys.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Path, WatchKey> e = it.next();
      if (!wanted.contains(e.getKey())) {
        e.getValue().cancel();
        dirs.remove(e.getValue());
        it.remove();
      }
    }
    for (Path d : wanted) {
      WatchKey old = keys.get(d);
      if (old != null && old.isValid()) continue;
      if (!Files.isDirectory(d)) continue;
      try {
        WatchKey k = d.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
        keys.put(d, k);
        dirs.put(k, d);
      } catch (IOException e) {
        problems.accept("cannot watch " + d + ": " + e.getMessage());
      }
    }
  }

  int watchedDirectories() {
    synchronized (this) {
      return keys.size();
    }
  }

  private void run() {
    while (true) {
      WatchKey key;
      try {
        key = service.take();
      } catch (InterruptedException | ClosedWatchServiceException e) {
        return;
      }
      Path dir;
      synchronized (this) {
        dir = dirs.get(key);
      }
      String change = null;
      for (WatchEvent<?> ev : key.pollEvents()) {
        if (ev.kind() == OVERFLOW) {
          change = "events lost in " + dir + " (overflow)";
          continue;
        }
        if (dir == null) continue;
        Path p = dir.resolve((Path) ev.context());
        WatchSet s = set;
        if (change == null && (s.concerns(p) || isAncestorOfModules(s, p))) {
          change = p.toString();
        }
      }
      if (!key.reset() && dir != null) {
        synchronized (this) {
          keys.remove(dir);
          dirs.remove(key);
        }
        change = change != null ? change : dir + " went away";
      }
      if (change != null) onChange.accept(change);
    }
  }

  /** The module directory itself, or a directory on its way, created, removed or renamed. */
  private static boolean isAncestorOfModules(WatchSet s, Path p) {
    return s.modulesDir().startsWith(p);
  }

  @Override
  public void close() {
    try {
      service.close();
    } catch (IOException ignored) {
      // closing: nothing more to watch
    }
    thread.interrupt();
  }
}
