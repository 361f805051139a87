package org.modsvc.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watch when the kernel refuses: chosen libc calls fail ({@link FailingLibC}), everything else
 * is real inotify in a temporary directory. Waits are bounded takes on the reported changes.
 */
class InputWatchFailureTest {
  private record Change(String what, boolean stillWriting) {}

  @TempDir Path dir;
  private final BlockingQueue<Change> changes = new LinkedBlockingQueue<>();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private FailingLibC libc;
  private InputWatch watch;
  private Path lib;
  private Path shared;

  @BeforeEach
  void setUp() throws Exception {
    Files.writeString(dir.resolve("web.nix"), "{ }");
    lib = Files.createDirectories(dir.resolve("lib"));
    shared = Files.createDirectories(dir.resolve("shared"));
    libc = new FailingLibC();
    watch =
        new InputWatch(
            InputWatch.openInotify(libc), (w, s) -> changes.add(new Change(w, s)), problems::add);
  }

  @AfterEach
  void close() {
    watch.close();
  }

  private Change next() throws InterruptedException {
    Change c = changes.poll(10, TimeUnit.SECONDS);
    assertNotNull(c, "no change reported; problems: " + problems);
    return c;
  }

  /** The next change whose description contains {@code text}. */
  private Change next(String text) throws InterruptedException {
    Change c = next();
    while (!c.what().contains(text)) c = next();
    return c;
  }

  @Test
  void theWatchLimitReachedForOneDirectory_isReportedOnce_andTheOthersAreWatched()
      throws Exception {
    libc.watchErrno.put(lib, Inotify.ENOSPC);
    for (int cycle = 0; cycle < 3; cycle++) watch.watch(WatchSet.of(dir, Set.of()));
    watch.start();
    assertEquals(1, problems.size(), "once, not at every evaluation: " + problems);
    String p = problems.get(0);
    assertTrue(p.startsWith("cannot watch " + lib + ": "), p);
    assertTrue(p.contains("limit of inotify watches per user"), p);
    assertTrue(p.contains("sysctl fs.inotify.max_user_watches"), p);
    assertEquals(2, watch.watchedDirectories(), "the module directory and shared/");
    Files.writeString(shared.resolve("a.nix"), "{ }");
    assertEquals(shared.resolve("a.nix").toString(), next().what());

    // the limit raised: the next evaluation's watch takes it
    libc.watchErrno.clear();
    watch.watch(WatchSet.of(dir, Set.of()));
    assertEquals(3, watch.watchedDirectories());
    Files.writeString(lib.resolve("b.nix"), "{ }");
    assertEquals(lib.resolve("b.nix").toString(), next(lib.toString()).what());
    assertEquals(1, problems.size(), problems.toString());
  }

  @Test
  void aDirectoryWithoutReadAccess_isReportedOnce_withoutASysctl() throws Exception {
    libc.watchErrno.put(lib, Inotify.EACCES);
    libc.watchErrno.put(shared, Inotify.EACCES);
    watch.watch(WatchSet.of(dir, Set.of()));
    watch.watch(WatchSet.of(dir, Set.of()));
    assertEquals(1, problems.size(), "one line for one reason: " + problems);
    String p = problems.get(0);
    assertTrue(p.startsWith("cannot watch 2 directories (" + lib + ", " + shared + "): "), p);
    assertTrue(p.contains("permission denied"), p);
    assertFalse(p.contains("sysctl"), p);
    assertEquals(1, watch.watchedDirectories());
  }

  @Test
  void aDirectoryThatVanishedBeforeItsWatch_isAChange_notAProblem() throws Exception {
    libc.watchErrno.put(lib, Inotify.ENOENT);
    libc.watchErrno.put(shared, Inotify.ENOTDIR);
    watch.watch(WatchSet.of(dir, Set.of()));
    assertEquals(new Change(lib + " went away before it was watched", false), next());
    assertTrue(problems.isEmpty(), problems.toString());
    assertEquals(1, watch.watchedDirectories());
  }

  @Test
  void aQueueOverflow_isAChange_thatLeavesNothingOpen() throws Exception {
    watch.watch(WatchSet.of(dir, Set.of()));
    watch.start();
    Path web = dir.resolve("web.nix");
    try (Writer w = Files.newBufferedWriter(web)) {
      assertEquals(new Change(web.toString(), true), next());
      libc.overflows.set(1);
      w.write("{ x = 1; }");
      w.flush();
      Change lost = next("overflow");
      assertFalse(lost.stillWriting(), "a lost close would otherwise keep it open for good");
    }
  }

  @Test
  void aFailingRead_isReported_isAChange_andTheWatchGoesOn() throws Exception {
    watch.watch(WatchSet.of(dir, Set.of()));
    watch.start();
    libc.readErrno = Inotify.EIO;
    libc.readFailures.set(1);
    Files.writeString(dir.resolve("db.nix"), "{ }");
    Change lost = next("events may be lost");
    assertFalse(lost.stillWriting());
    assertTrue(lost.what().contains("read inotify"), lost.what());
    // what was queued when the read failed is still read
    assertEquals(dir.resolve("db.nix").toString(), next().what());
    Files.writeString(dir.resolve("web.nix"), "{ y = 2; }");
    assertEquals(dir.resolve("web.nix").toString(), next("web.nix").what());
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(
        problems.get(0).startsWith("the watch of the module files failed: read"), problems.get(0));
    assertFalse(watch.threadEnded());
  }

  @Test
  void aReadFailingOnAndOn_isReportedOnce_countsAsAChangeEachTime_andCloseStillEndsIt()
      throws Exception {
    watch.watch(WatchSet.of(dir, Set.of()));
    watch.start();
    libc.readErrno = Inotify.EIO;
    libc.readFailures.set(Integer.MAX_VALUE);
    Files.writeString(dir.resolve("db.nix"), "{ }");
    await(() -> libc.failedReads.get() >= 3, "three failed reads");
    next("events may be lost");
    next("events may be lost");
    assertEquals(1, problems.size(), "the same failure again is not reported again: " + problems);
    watch.close(); // during the pause after a failure
    assertTrue(watch.threadEnded());
  }

  @Test
  void aListenerThatThrows_doesNotEndTheWatch() throws Exception {
    watch.close();
    boolean[] thrown = {false};
    watch =
        new InputWatch(
            InputWatch.openInotify(libc),
            (w, s) -> {
              if (!thrown[0] && !w.contains("events may be lost")) {
                thrown[0] = true;
                throw new IllegalStateException("listener bug");
              }
              changes.add(new Change(w, s));
            },
            problems::add);
    watch.watch(WatchSet.of(dir, Set.of()));
    watch.start();
    Files.writeString(dir.resolve("db.nix"), "{ }");
    assertTrue(next().what().contains("listener bug"));
    Files.writeString(dir.resolve("web.nix"), "{ z = 3; }");
    assertEquals(dir.resolve("web.nix").toString(), next("web.nix").what());
    assertTrue(problems.get(0).contains("listener bug"), problems.toString());
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) Thread.sleep(10);
    assertTrue(condition.getAsBoolean(), what);
  }
}
