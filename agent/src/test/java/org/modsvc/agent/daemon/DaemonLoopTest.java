package org.modsvc.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's loop against a fake converger over a real module directory (real inotify, real
 * files): what makes it evaluate, what does not, and what it tells systemd. Waits are bounded polls
 * on the converger's count; the "nothing happens" cases wait several quiet periods, long enough for
 * a wrongly triggered evaluation to show.
 */
class DaemonLoopTest {
  private static final Duration DEBOUNCE = Duration.ofMillis(150);
  @TempDir Path dir;
  private final FakeConverger converger = new FakeConverger();
  private final RecordingNotifier notifier = new RecordingNotifier();
  private final CountingHeap heap = new CountingHeap();
  private final org.modsvc.agent.metrics.AgentMetrics metrics =
      new org.modsvc.agent.metrics.AgentMetrics();
  private final AtomicInteger reloads = new AtomicInteger();
  private Daemon daemon;
  private CompletableFuture<Integer> running;

  @AfterEach
  void stop() throws Exception {
    if (daemon != null) {
      daemon.stop();
      assertEquals(0, running.get(10, TimeUnit.SECONDS));
    }
  }

  private void start() throws Exception {
    start(new DaemonSettings(dir, DEBOUNCE, false));
  }

  private void start(DaemonSettings settings) throws Exception {
    start(settings, Daemon.HEAP_RETURN_AFTER);
  }

  private void start(DaemonSettings settings, Duration heapReturnAfter) throws Exception {
    Files.writeString(dir.resolve("web.nix"), "{ }");
    daemon =
        new Daemon(
            settings,
            converger,
            notifier,
            DaemonLog.daemon(),
            Clock.systemUTC(),
            Map.of(),
            new DaemonMetrics(metrics),
            reloads::incrementAndGet);
    daemon.heapUpkeep(heapReturnAfter, heap);
    running =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return daemon.run();
              } catch (Exception e) {
                throw new RuntimeException(e);
              }
            });
    await(() -> notifier.sent().stream().anyMatch(m -> m.contains("READY=1")), "READY=1");
  }

  @Test
  void readyIsSentAfterTheFirstConvergence_andTheStatusNamesTheGeneration() throws Exception {
    start();
    List<String> sent = notifier.sent();
    int ready = indexOf(sent, "READY=1");
    assertEquals(1, converger.calls.get());
    assertTrue(converger.firstCallAt.get() < notifier.readyAt, "converged before READY");
    assertTrue(
        sent.get(ready).contains("STATUS=generation 1, 3 units, converged"), sent.get(ready));
  }

  @Test
  void theHeapIsGivenBackOnceIdle_notAfterEachSwitchOfABurst() throws Exception {
    Duration idle =
        DEBOUNCE.multipliedBy(20); // long beside the two quiet periods, even on a loaded machine
    start(new DaemonSettings(dir, DEBOUNCE, false), idle);
    Files.writeString(dir.resolve("web.nix"), "{ v = 1; }");
    await(() -> converger.calls.get() == 2, "the second evaluation");
    Files.writeString(dir.resolve("web.nix"), "{ v = 2; }");
    await(() -> converger.calls.get() == 3, "the third evaluation");
    assertEquals(0, heap.returned.get(), "kept while the changes keep coming");
    await(() -> heap.returned.get() == 1, "the heap given back once idle");
    Thread.sleep(idle.toMillis() * 3 / 2);
    assertEquals(1, heap.returned.get(), "once per quiet time, not on every timer");
  }

  @Test
  void eachEvaluationsGarbageIsCollectedAfterItsSwitch_aRepairOrAFailedLockIsNoEvaluation()
      throws Exception {
    start(new DaemonSettings(dir, DEBOUNCE, false, Duration.ofMillis(100), true));
    await(() -> heap.collected.get() == 1, "the collection after the first evaluation");
    Files.writeString(dir.resolve("web.nix"), "{ v = 1; }");
    await(() -> heap.collected.get() == 2, "the collection after the change's evaluation");
    assertEquals(2, converger.calls.get());
    converger.drifted = true;
    await(() -> daemon.status().driftCorrections() == 1, "the repair");
    converger.next.add(lockBusy());
    daemon.switchNow().get(10, TimeUnit.SECONDS);
    assertEquals(3, converger.calls.get());
    assertEquals(2, heap.collected.get(), "no evaluation ran in the repair or the busy switch");
    assertEquals(
        3, heap.before.get(), "asked before each attempt to evaluate, not before a repair");
  }

  @Test
  void idle_evaluatesNothing() throws Exception {
    start();
    Thread.sleep(DEBOUNCE.toMillis() * 8);
    assertEquals(1, converger.calls.get());
  }

  @Test
  void aBurstOfWritesThroughOneOpenFile_isOneEvaluation_onceClosed() throws Exception {
    start();
    try (java.io.Writer w = Files.newBufferedWriter(dir.resolve("web.nix"))) {
      for (int i = 0; i < 5; i++) {
        w.write("{ v = " + i + "; }\n");
        w.flush();
        Thread.sleep(DEBOUNCE.toMillis() / 3);
      }
      assertEquals(1, converger.calls.get(), "nothing evaluated while the file is written");
    }
    await(() -> converger.calls.get() == 2, "the second evaluation");
    Thread.sleep(DEBOUNCE.toMillis() * 4);
    assertEquals(2, converger.calls.get());
  }

  @Test
  void aCompleteChange_isEvaluatedWithoutWaitingTheQuietPeriod() throws Exception {
    // a quiet period far longer than the await: only the short wait after a complete change fits
    start(new DaemonSettings(dir, Duration.ofMinutes(5), false));
    Path tmp = dir.resolve(".web.nix.tmp");
    Files.writeString(tmp, "{ renamed = true; }");
    Files.move(tmp, dir.resolve("web.nix"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    await(() -> converger.calls.get() == 2, "the evaluation after the rename into place");
    Files.writeString(dir.resolve("db.nix"), "{ copied = true; }"); // as cp does: closed at the end
    await(() -> converger.calls.get() == 3, "the evaluation after the file was closed");
    Files.delete(dir.resolve("db.nix"));
    await(() -> converger.calls.get() == 4, "the evaluation after the delete");
  }

  @Test
  void aFileStillOpenForWriting_waitsUntilClosed() throws Exception {
    start(new DaemonSettings(dir, Duration.ofMinutes(5), false));
    try (java.io.Writer w = Files.newBufferedWriter(dir.resolve("web.nix"))) {
      w.write("{ half");
      w.flush();
      Thread.sleep(1000); // forty times the short wait after a complete change
      assertEquals(1, converger.calls.get(), "a half-written file is not evaluated");
      w.write(" = true; }");
    }
    await(() -> converger.calls.get() == 2, "the evaluation once the writer closed the file");
  }

  @Test
  void touchOrSameContent_evaluatesNothing() throws Exception {
    start();
    Files.setLastModifiedTime(
        dir.resolve("web.nix"), java.nio.file.attribute.FileTime.from(Instant.now()));
    Files.writeString(dir.resolve("web.nix"), "{ }");
    Thread.sleep(DEBOUNCE.toMillis() * 6);
    assertEquals(1, converger.calls.get());
  }

  @Test
  void editorRenameIntoPlace_evaluates_butItsTempFileAloneDoesNot() throws Exception {
    start();
    Path tmp = dir.resolve(".web.nix.swp");
    Files.writeString(tmp, "{ x = 1; }");
    Thread.sleep(DEBOUNCE.toMillis() * 5);
    assertEquals(1, converger.calls.get(), "an editor's swap file is no input");
    Files.move(tmp, dir.resolve("web.nix"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    await(() -> converger.calls.get() == 2, "the evaluation after the rename");
  }

  @Test
  void newAndRemovedModules_andFilesInSubdirectories_evaluate() throws Exception {
    start();
    Files.writeString(dir.resolve("db.nix"), "{ }");
    await(() -> converger.calls.get() == 2, "a new module");
    Files.createDirectories(dir.resolve("lib"));
    await(() -> converger.calls.get() == 3, "a new subdirectory (imports live there)");
    Files.writeString(dir.resolve("lib/common.nix"), "{ }");
    await(() -> converger.calls.get() == 4, "a file in it");
    Files.delete(dir.resolve("db.nix"));
    await(() -> converger.calls.get() == 5, "a removed module");
  }

  @Test
  void anEvaluationError_isReportedWithItsPosition_andTheNextChangeRetries() throws Exception {
    start();
    converger.next.add(
        evalError("syntax error, unexpected end of file", dir.resolve("web.nix"), 3));
    Files.writeString(dir.resolve("web.nix"), "{ broken");
    await(() -> daemon.status().state() == DaemonStatus.State.EVAL_ERROR, "the error state");
    assertEquals(1, daemon.status().generation(), "the running generation is unchanged");
    String line = daemon.statusLine();
    assertTrue(
        line.startsWith("eval error in web.nix:3, running generation 1: syntax error"), line);
    await(
        () -> notifier.sent().stream().anyMatch(m -> m.contains("STATUS=eval error in web.nix:3")),
        "STATUS=");
    Thread.sleep(DEBOUNCE.toMillis() * 5);
    assertEquals(2, converger.calls.get(), "no retry without a change");
    Files.writeString(dir.resolve("web.nix"), "{ fixed = true; }");
    await(() -> daemon.status().state() == DaemonStatus.State.CONVERGED, "converged after the fix");
    assertTrue(daemon.status().lastError().isEmpty());
    String scrape = metrics.scrape();
    assertTrue(scrape.contains("modsvc_evaluation_errors_total 1.0"), scrape);
  }

  @Test
  void reload_evaluatesWithoutAChange_betweenReloadingAndReady() throws Exception {
    start();
    int before = notifier.sent().size();
    daemon.reloadRequested();
    await(() -> converger.calls.get() == 2, "the reload's evaluation");
    await(
        () -> {
          List<String> sent = notifier.sent(); // one copy: the loop may send more meanwhile
          return sent.subList(before, sent.size()).stream().anyMatch(m -> m.startsWith("READY=1"));
        },
        "READY after the reload");
    List<String> after = notifier.sent().subList(before, notifier.sent().size());
    int reloading = indexOf(after, "RELOADING=1");
    assertTrue(
        reloading >= 0 && after.get(reloading).contains("MONOTONIC_USEC="), after.toString());
    assertTrue(reloading < indexOf(after, "READY=1"), after.toString());
    assertEquals(1, reloads.get(), "the logging set-up is made again");
  }

  @Test
  void stop_sendsStopping_andEndsTheLoop() throws Exception {
    start();
    daemon.stop();
    assertEquals(0, running.get(10, TimeUnit.SECONDS));
    assertTrue(notifier.sent().stream().anyMatch(m -> m.startsWith("STOPPING=1")));
    daemon = null;
  }

  @Test
  void switchNow_convergesAndAnswers() throws Exception {
    start();
    CycleResult r = daemon.switchNow().get(10, TimeUnit.SECONDS);
    assertEquals(Outcome.NOTHING_TO_DO, r.outcome());
    assertEquals(2, converger.calls.get());
  }

  @Test
  void drift_isCheckedEveryInterval_withoutEvaluating_andRepairedAndCounted() throws Exception {
    start(new DaemonSettings(dir, DEBOUNCE, false, Duration.ofMillis(200), true));
    await(() -> converger.driftChecks.get() >= 2, "two drift checks");
    assertEquals(0, converger.repairs.get(), "nothing drifted, nothing repaired");
    converger.drifted = true;
    await(() -> daemon.status().driftCorrections() == 1, "the repair counted");
    assertEquals(1, converger.repairs.get());
    assertEquals(1, converger.calls.get(), "a repair is no evaluation");
    assertEquals(1, daemon.status().evaluations());
    assertTrue(metrics.scrape().contains("modsvc_drift_corrections_total 1.0"), metrics.scrape());
  }

  @Test
  void driftReportPolicy_reportsWithoutRepairing() throws Exception {
    converger.drifted = true;
    start(new DaemonSettings(dir, DEBOUNCE, false, Duration.ofMillis(100), false));
    await(() -> converger.driftChecks.get() >= 3, "three drift checks");
    assertEquals(0, converger.repairs.get());
    assertEquals(0, daemon.status().driftCorrections());
  }

  private static int indexOf(List<String> sent, String prefix) {
    for (int i = 0; i < sent.size(); i++) if (sent.get(i).startsWith(prefix)) return i;
    return -1;
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
      Thread.sleep(10);
    }
  }

  private static CycleResult evalError(String message, Path file, int line) {
    ErrorPosition e = new ErrorPosition(message, Optional.of(file.toString()), line, 1);
    return new CycleResult(
        Outcome.EVAL_ERROR,
        Instant.now(),
        Duration.ofMillis(5),
        1,
        3,
        "configuration error",
        "error: " + message,
        2,
        List.of(),
        Optional.of(e),
        Set.of(),
        Optional.of(Duration.ofMillis(4)),
        "",
        0);
  }

  /** A switch that stopped before evaluating: another holds the lock. */
  private static CycleResult lockBusy() {
    return new CycleResult(
        Outcome.ERROR,
        Instant.now(),
        Duration.ofMillis(5),
        1,
        3,
        "the switch lock is held",
        "error: another switch is running",
        3,
        List.of(),
        Optional.empty(),
        Set.of(),
        Optional.empty(),
        "",
        0);
  }

  /** Counts what the daemon asked of the heap. */
  static final class CountingHeap implements HeapUpkeep {
    final AtomicInteger before = new AtomicInteger();
    final AtomicInteger collected = new AtomicInteger();
    final AtomicInteger returned = new AtomicInteger();

    @Override
    public String beforeEvaluation() {
      before.incrementAndGet();
      return "counted";
    }

    @Override
    public String afterEvaluation() {
      collected.incrementAndGet();
      return "counted";
    }

    @Override
    public String whenIdle() {
      returned.incrementAndGet();
      return "counted";
    }
  }

  /** Converges to generation 1 with 3 units, or answers the queued results in order. */
  static final class FakeConverger implements Converger {
    final AtomicInteger calls = new AtomicInteger();
    final java.util.concurrent.atomic.AtomicLong firstCallAt =
        new java.util.concurrent.atomic.AtomicLong();
    final java.util.concurrent.ConcurrentLinkedQueue<CycleResult> next =
        new java.util.concurrent.ConcurrentLinkedQueue<>();

    @Override
    public CycleResult converge() {
      if (calls.incrementAndGet() == 1) firstCallAt.set(System.nanoTime());
      CycleResult queued = next.poll();
      if (queued != null) return queued;
      return new CycleResult(
          calls.get() == 1 ? Outcome.CONVERGED : Outcome.NOTHING_TO_DO,
          Instant.now(),
          Duration.ofMillis(5),
          1,
          3,
          "generation 1",
          "",
          0,
          List.of(),
          Optional.empty(),
          Set.of(),
          Optional.of(Duration.ofMillis(3)),
          "",
          0);
    }

    @Override
    public CycleResult.Current current() {
      return new CycleResult.Current(calls.get() == 0 ? 0 : 1, 3);
    }

    final AtomicInteger driftChecks = new AtomicInteger();
    final AtomicInteger repairs = new AtomicInteger();
    volatile boolean drifted;

    @Override
    public org.modsvc.switcher.activation.DriftReport checkDrift() {
      driftChecks.incrementAndGet();
      return new org.modsvc.switcher.activation.DriftReport(
          1,
          false,
          drifted
              ? List.of(
                  new org.modsvc.switcher.activation.Drifted(
                      "/etc/system-services/web/app.conf",
                      org.modsvc.switcher.activation.Drifted.Kind.MISSING,
                      Optional.of("web.service")))
              : List.of());
    }

    @Override
    public CycleResult repairDrift() {
      repairs.incrementAndGet();
      drifted = false;
      return new CycleResult(
          Outcome.NOTHING_TO_DO,
          Instant.now(),
          Duration.ofMillis(5),
          1,
          3,
          "repaired",
          "",
          0,
          List.of(),
          Optional.empty(),
          Set.of(),
          Optional.empty(),
          "",
          1);
    }
  }

  static final class RecordingNotifier implements Notifier {
    private final List<String> sent = Collections.synchronizedList(new ArrayList<>());
    volatile long readyAt;

    @Override
    public void send(String state) {
      if (state.startsWith("READY=1") && readyAt == 0) readyAt = System.nanoTime();
      sent.add(state);
    }

    List<String> sent() {
      synchronized (sent) {
        return new ArrayList<>(sent);
      }
    }
  }
}
