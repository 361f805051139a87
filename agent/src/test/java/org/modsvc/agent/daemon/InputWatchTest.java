package org.modsvc.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watch over real inotify in a temporary directory: which changes it reports, and whether a
 * watched file is still open for writing after each. Waits are bounded takes on the reported
 * changes, no timing.
 */
class InputWatchTest {
  private record Change(String what, boolean stillWriting) {}

  @TempDir Path dir;
  private final BlockingQueue<Change> changes = new LinkedBlockingQueue<>();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private InputWatch watch;

  @AfterEach
  void close() {
    if (watch != null) watch.close();
  }

  private void start() throws Exception {
    Files.writeString(dir.resolve("web.nix"), "{ }");
    watch = new InputWatch((w, s) -> changes.add(new Change(w, s)), problems::add);
    watch.watch(WatchSet.of(dir, Set.of()));
    watch.start();
  }

  private Change next() throws InterruptedException {
    Change c = changes.poll(10, TimeUnit.SECONDS);
    assertNotNull(c, "no change reported; problems: " + problems);
    return c;
  }

  /** The changes until one says nothing is open for writing any more. */
  private Change untilComplete() throws InterruptedException {
    Change c = next();
    while (c.stillWriting()) c = next();
    return c;
  }

  @Test
  void aRenameIntoPlace_isComplete_andTheEditorsTempFileIsNoChange() throws Exception {
    start();
    Path tmp = dir.resolve(".web.nix.tmp");
    Files.writeString(tmp, "{ x = 1; }");
    Files.move(tmp, dir.resolve("web.nix"), StandardCopyOption.ATOMIC_MOVE);
    Change c = next();
    assertEquals(new Change(dir.resolve("web.nix").toString(), false), c);
  }

  @Test
  void aFileWrittenThroughAnOpenStream_isStillWritten_untilClosed() throws Exception {
    start();
    Path web = dir.resolve("web.nix");
    try (Writer w = Files.newBufferedWriter(web)) {
      Change opened = next(); // the truncation
      assertEquals(new Change(web.toString(), true), opened);
      w.write("{ half");
      w.flush();
      assertTrue(next().stillWriting(), "written, not closed");
      assertNull(changes.poll(200, TimeUnit.MILLISECONDS), "nothing more until it is closed");
      w.write(" = 1; }");
    }
    assertEquals(new Change(web.toString(), false), untilComplete());
    assertFalse(watch.stillWriting());
  }

  @Test
  void aNewModuleCopiedIn_isStillWrittenUntilClosed_andADeleteIsComplete() throws Exception {
    start();
    Path db = dir.resolve("db.nix");
    try (Writer w = Files.newBufferedWriter(db)) {
      assertEquals(new Change(db.toString(), true), next(), "created, its writer has it open");
      w.write("{ }");
    }
    assertEquals(new Change(db.toString(), false), untilComplete());
    Files.delete(db);
    assertEquals(new Change(db.toString(), false), next());
  }

  @Test
  void aWatchedDirectoryGoingAway_isAChange_andWhatWasOpenInItIsForgotten() throws Exception {
    Path lib = Files.createDirectories(dir.resolve("lib"));
    Path a = Files.writeString(lib.resolve("a.nix"), "{ }");
    start();
    assertEquals(2, watch.watchedDirectories());
    try (Writer w = Files.newBufferedWriter(a)) {
      assertTrue(next().stillWriting());
      // renamed away while its file is still open for writing
      Files.move(lib, dir.resolve("lib.old"), StandardCopyOption.ATOMIC_MOVE);
      assertFalse(untilComplete().stillWriting());
      awaitWatchedDirectories(1);
      assertFalse(watch.stillWriting());
      watch.watch(WatchSet.of(dir, Set.of()));
      assertEquals(2, watch.watchedDirectories(), "lib.old is watched by the next set");
    }
    untilComplete();
    Path old = dir.resolve("lib.old");
    Files.delete(old.resolve("a.nix"));
    Files.delete(old);
    awaitWatchedDirectories(1);
  }

  private void awaitWatchedDirectories(int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (watch.watchedDirectories() != n && System.nanoTime() < deadline) Thread.sleep(10);
    assertEquals(n, watch.watchedDirectories(), "a watch ended with its directory");
  }

  @Test
  void aDirectoryTheEvaluationReadThroughALink_isWatched() throws Exception {
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Path modules = Files.createDirectories(dir.resolve("modules"));
    Files.writeString(modules.resolve("web.nix"), "{ }");
    Files.writeString(elsewhere.resolve("key.nix"), "{ }");
    Path link = Files.createSymbolicLink(modules.resolve("lib"), elsewhere);
    watch = new InputWatch((w, s) -> changes.add(new Change(w, s)), problems::add);
    // an evaluation that read a file through the link
    watch.watch(WatchSet.of(modules, Set.of(link.resolve("key.nix"))));
    watch.start();
    assertEquals(2, watch.watchedDirectories(), "the module directory and the linked one");
    Files.writeString(elsewhere.resolve("key.nix"), "{ x = 1; }");
    assertEquals(link.resolve("key.nix").toString(), next().what(), "seen through the link");
    assertTrue(problems.isEmpty(), problems.toString());
  }

  @Test
  void aQueueOverflow_isAChange_thatLeavesNothingOpen() throws Exception {
    // readAllLines, not readString: a /proc file says its size is 0
    int max =
        Integer.parseInt(
            Files.readAllLines(Path.of("/proc/sys/fs/inotify/max_queued_events")).get(0).strip());
    assumeTrue(max <= 100_000, "a queue this long takes too many files to overflow");
    Files.writeString(dir.resolve("web.nix"), "{ }");
    CountDownLatch release = new CountDownLatch(1);
    watch =
        new InputWatch(
            (w, s) -> {
              changes.add(new Change(w, s));
              try {
                release.await(); // holds the watch thread, so the kernel's queue fills
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            problems::add);
    watch.watch(WatchSet.of(dir, Set.of()));
    watch.start();
    Writer open = Files.newBufferedWriter(dir.resolve("web.nix"));
    assertTrue(next().stillWriting());
    Path other = Files.createDirectories(dir.resolve("other"));
    watch.watch(WatchSet.of(dir, Set.of()));
    // each file: IN_CREATE and IN_CLOSE_WRITE, distinct names so the kernel merges none
    for (int i = 0; i < max / 2 + 100; i++) Files.createFile(other.resolve("f" + i));
    release.countDown();
    Change c;
    do {
      c = next();
    } while (!c.what().contains("overflow"));
    assertFalse(c.stillWriting(), "a lost close would otherwise keep it open for good");
    open.close();
  }

  @Test
  void close_endsTheWatchThread() throws Exception {
    start();
    watch.close();
    assertTrue(watch.threadEnded());
    Files.writeString(dir.resolve("web.nix"), "{ after = true; }");
    assertNull(changes.poll(200, TimeUnit.MILLISECONDS), "no change after close");
  }
}
