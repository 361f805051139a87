package org.modsvc.agent.daemon;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The daemon's loop (docs/decisions.md §13): converge once at start, tell systemd it is ready, then
 * wait for events: a change of the inputs (coalesced until it is complete, then compared with the
 * inputs of the last evaluation), SIGHUP (re-read everything and switch), a request to switch now,
 * SIGTERM. All switches run on this one thread, one at a time; the watch, the watchdog and the
 * signal handlers only post events. While nothing happens the thread waits in the event queue: no
 * evaluation, no polling of files.
 */
final class Daemon {
  /**
   * A switch running longer than this (lock wait, jobs, settle window included) counts as hung for
   * the watchdog.
   */
  static final Duration MAX_CYCLE = Duration.ofMinutes(30);

  /**
   * First retry after a switch stopped by an error (bus, lock, I/O), doubling up to {@link
   * #MAX_RETRY}.
   */
  static final Duration FIRST_RETRY = Duration.ofSeconds(10);

  static final Duration MAX_RETRY = Duration.ofMinutes(5);

  /**
   * How long the daemon waits without events after a switch before it gives the evaluation's heap
   * back to the system (docs/decisions.md §13): changes come in bursts, and an evaluation in a heap
   * just shrunk to its live data runs through several young collections (100 services: about 300
   * instead of 55 ms), so the heap stays grown while changes keep coming.
   */
  static final Duration HEAP_RETURN_AFTER = Duration.ofSeconds(30);

  /**
   * The wait after a complete change (every written file closed or renamed into place) before
   * evaluating: long enough that the files of one burst (a {@code git checkout}, a script writing
   * several modules) that follow each other this closely end as one evaluation, short against a
   * switch's own time. A file still open for writing waits {@code --debounce} instead.
   */
  static final Duration COALESCE = Duration.ofMillis(25);

  private sealed interface Event permits Changed, Reload, Stop, SwitchNow {}

  /**
   * @param stillWriting whether a watched file was still open for writing after this change
   */
  private record Changed(String what, boolean stillWriting) implements Event {}

  private record Reload() implements Event {}

  private record Stop() implements Event {}

  private record SwitchNow(CompletableFuture<CycleResult> done) implements Event {}

  private final DaemonSettings settings;
  private final Converger converger;
  private final Notifier notifier;
  private final DaemonLog log;
  private final Clock clock;
  private final Map<String, String> env;
  private final DaemonMetrics metrics;
  private final Runnable onReload;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final CompletableFuture<Void> finished = new CompletableFuture<>();
  private volatile DaemonStatus status;
  private volatile long lastBeat = System.nanoTime();
  private volatile long busySince;
  private volatile boolean stopping;
  private Duration tick = Duration.ofMinutes(1);
  private InputWatch watch;
  private WatchSet watched;
  private Set<java.nio.file.Path> filesRead = Set.of();
  private InputFingerprint inputs;
  private Duration retryDelay = Duration.ZERO;
  private long retryAt;
  private long driftAt;
  private String driftReported = "";
  private long heapReturnAt;
  private Duration heapReturnAfter = HEAP_RETURN_AFTER;
  private HeapUpkeep heap = new JvmHeap();

  /**
   * @param metrics receives every attempt's outcome
   * @param onReload run on SIGHUP before the evaluation (the logging set-up is made again)
   */
  Daemon(
      DaemonSettings settings,
      Converger converger,
      Notifier notifier,
      DaemonLog log,
      Clock clock,
      Map<String, String> env,
      DaemonMetrics metrics,
      Runnable onReload) {
    this.metrics = metrics;
    this.onReload = onReload;
    this.settings = settings;
    this.converger = converger;
    this.notifier = notifier;
    this.log = log;
    this.clock = clock;
    this.env = env;
    this.status = DaemonStatus.starting(settings.user(), clock.instant());
  }

  /** For tests: how long after the last switch the heap is given back, and what keeps it. */
  void heapUpkeep(Duration returnAfter, HeapUpkeep upkeep) {
    this.heapReturnAfter = returnAfter;
    this.heap = upkeep;
  }

  /** Runs until {@link #stop}; returns the process's exit status. */
  int run() throws IOException {
    Optional<Duration> watchdogInterval = Watchdog.requested(env);
    watchdogInterval.ifPresent(w -> tick = w.dividedBy(4));
    try (InputWatch w =
            new InputWatch(
                (what, stillWriting) -> events.add(new Changed(what, stillWriting)), log::warning);
        Watchdog dog =
            watchdogInterval
                .map(i -> Watchdog.start(notifier, i, this::alive, this::statusLine, log))
                .orElse(null)) {
      watch = w;
      // watched before the first evaluation, so an edit made while it runs is not missed
      watched = WatchSet.of(settings.modules(), Set.of());
      watch.watch(watched);
      watch.start();
      status =
          status.withCurrent(converger.current().generation(), converger.current().managedUnits());
      notify("STATUS=" + statusLine());
      log.info(
          "modsvc-agent daemon starting ("
              + (settings.user() ? "user" : "system")
              + " instance, modules "
              + settings.modules()
              + ")");
      cycle("start");
      notify("READY=1\nSTATUS=" + statusLine());
      loop();
    } finally {
      notify("STOPPING=1");
      converger.close();
      finished.complete(null);
    }
    log.info("modsvc-agent daemon stopped");
    return 0;
  }

  private void loop() {
    scheduleDrift();
    while (!stopping) {
      Event e = next(untilNextTimer());
      if (e == null) {
        if (retryAt != 0 && System.nanoTime() - retryAt >= 0) cycle("retry after the error");
        if (driftAt != 0 && System.nanoTime() - driftAt >= 0) checkDrift();
        if (heapReturnAt != 0 && System.nanoTime() - heapReturnAt >= 0) returnHeap();
        continue;
      }
      handle(e);
    }
  }

  private void scheduleDrift() {
    Duration every = settings.driftInterval();
    driftAt = every.isZero() ? 0 : System.nanoTime() + every.toNanos();
  }

  /**
   * The periodic drift check (no evaluation): owned files that differ from the current generation
   * are written back and their units restarted or reloaded ({@code --drift} repair policies), or
   * reported once ({@code report}).
   */
  private void checkDrift() {
    scheduleDrift();
    org.modsvc.switcher.activation.DriftReport drift;
    try {
      drift = converger.checkDrift();
    } catch (RuntimeException e) {
      log.warning("drift check failed: " + e.getMessage());
      return;
    }
    if (drift.isEmpty() || drift.switchPending()) {
      driftReported = "";
      return;
    }
    String text = drift.render().strip();
    if (!settings.driftRepair()) {
      if (!text.equals(driftReported)) log.warning("drift (--drift report: not restored): " + text);
      driftReported = text;
      return;
    }
    log.warning("drift: " + text + "; restoring from generation " + drift.generation());
    status = status.switching();
    notify("STATUS=" + statusLine());
    busySince = System.nanoTime();
    CycleResult r;
    try {
      r = converger.repairDrift();
    } finally {
      busySince = 0;
      beat();
    }
    status = status.afterRepair(r);
    metrics.cycle(r);
    report(r);
    scheduleRetry(r);
    notify("STATUS=" + statusLine());
  }

  private void handle(Event e) {
    if (e instanceof Stop) {
      stopping = true;
    } else if (e instanceof Reload) {
      reload();
    } else if (e instanceof SwitchNow s) {
      s.done().complete(cycle("switch requested"));
    } else if (e instanceof Changed c) {
      quietPeriod(c);
    }
  }

  /**
   * Waits until the change is complete, then evaluates unless the inputs read exactly as at the
   * last evaluation (docs/decisions.md §13). Complete: no watched file is open for writing after
   * the latest event, and nothing more arrived for {@link #COALESCE}. While a file is still being
   * written the wait is the full quiet period ({@code --debounce}) from the latest event, after
   * which it evaluates anyway. A stop, reload or request arriving meanwhile ends the wait and is
   * handled.
   */
  private void quietPeriod(Changed first) {
    long debounce = settings.debounce().toNanos();
    long coalesce = Math.min(COALESCE.toNanos(), debounce);
    Changed latest = first;
    long latestAt = System.nanoTime();
    int seen = 1;
    while (true) {
      long left = latestAt + (latest.stillWriting() ? debounce : coalesce) - System.nanoTime();
      Event e = left > 0 ? next(Duration.ofNanos(left)) : null;
      if (e == null) break;
      if (e instanceof Changed c) {
        seen++;
        latest = c;
        latestAt = System.nanoTime();
        continue;
      }
      handle(e); // a reload or a requested switch evaluates anyway; a stop ends the loop
      return;
    }
    if (lastOutcomeWas(Outcome.ERROR) || !inputs.matches(watched)) {
      cycle(
          "changed: "
              + first.what()
              + (seen > 1 ? " and " + (seen - 1) + " more events" : "")
              + (latest.stillWriting() ? "; a file still open for writing after --debounce" : ""));
    }
  }

  private boolean lastOutcomeWas(Outcome o) {
    return status.lastSwitch().map(r -> r.outcome() == o).orElse(true);
  }

  private void reload() {
    notify(
        "RELOADING=1\nMONOTONIC_USEC="
            + System.nanoTime() / 1000
            + "\nSTATUS=reloading: re-reading the modules");
    onReload.run();
    log.info("reloading (SIGHUP): evaluating every module file again");
    cycle("reload");
    notify("READY=1\nSTATUS=" + statusLine());
  }

  /** One convergence attempt: evaluate and switch, then watch what the evaluation read. */
  private CycleResult cycle(String reason) {
    status = status.switching();
    notify("STATUS=" + statusLine());
    log.info("evaluating (" + reason + ")");
    // Watched and fingerprinted before the evaluation reads anything: an edit made while it runs is
    // an event and
    // differs from the fingerprint, so it is never lost.
    watched = WatchSet.of(settings.modules(), filesRead);
    watch.watch(watched);
    InputFingerprint before = InputFingerprint.of(watched);
    log.debug("before the evaluation: " + heap.beforeEvaluation());
    busySince = System.nanoTime();
    CycleResult r;
    try {
      r = converger.converge();
    } finally {
      busySince = 0;
      beat();
    }
    // a failed evaluation says nothing of what it read: the last known set stays watched
    if (r.switched() || !r.filesRead().isEmpty()) filesRead = r.filesRead();
    WatchSet after = WatchSet.of(settings.modules(), filesRead);
    watch.watch(after);
    inputs = before.withUnknownFor(after);
    if (!watched.covers(after)) {
      // it read (or the module tree gained) paths that were not watched while it ran: a change
      // there may have gone
      // unseen, so the inputs are compared again after a quiet period (they count as changed: one
      // more evaluation)
      events.add(new Changed("paths read for the first time", watch.stillWriting()));
    }
    watched = after;
    status = status.after(r);
    metrics.cycle(r);
    report(r);
    scheduleRetry(r);
    notify("STATUS=" + statusLine());
    if (r.evaluation().isPresent()) {
      log.debug("after the evaluation: " + heap.afterEvaluation());
    }
    heapReturnAt = System.nanoTime() + heapReturnAfter.toNanos();
    return r;
  }

  /**
   * The switch itself was logged by {@code SwitchLog} (jobs, errors, summary); this says what the
   * daemon does next.
   */
  private void report(CycleResult r) {
    String took =
        "attempt took "
            + millis(r.duration())
            + r.evaluation().map(e -> " (evaluation " + millis(e) + ")").orElse("")
            + (r.steps().isEmpty() ? "" : "; steps: " + r.steps());
    switch (r.outcome()) {
      case CONVERGED, NOTHING_TO_DO, FAILED_UNITS, ROLLED_BACK -> log.info(took);
      case EVAL_ERROR -> log.info("the next change of the module files retries; " + took);
      case ERROR ->
          log.info(
              "retrying in "
                  + retryDelayAfter(r).toSeconds()
                  + " s or at the next change; "
                  + took);
    }
  }

  private static String millis(Duration d) {
    return d.toMillis() + " ms";
  }

  private Duration retryDelayAfter(CycleResult r) {
    if (r.outcome() != Outcome.ERROR) return Duration.ZERO;
    Duration next = retryDelay.isZero() ? FIRST_RETRY : retryDelay.multipliedBy(2);
    return next.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : next;
  }

  /**
   * After an error that was not the configuration's (the bus, the lock), the switch is retried with
   * backoff.
   */
  private void scheduleRetry(CycleResult r) {
    retryDelay = retryDelayAfter(r);
    retryAt = retryDelay.isZero() ? 0 : System.nanoTime() + retryDelay.toNanos();
  }

  /**
   * Evaluations grow the heap to hundreds of MB that then sit idle for hours: the JVM gives that
   * memory back ({@link HeapUpkeep#whenIdle}) once the daemon has been idle for {@link
   * #HEAP_RETURN_AFTER}, not after each switch.
   */
  private void returnHeap() {
    heapReturnAt = 0;
    log.debug("idle: heap returned (" + heap.whenIdle() + ")");
  }

  private Duration untilNextTimer() {
    long left = tick.toNanos();
    long now = System.nanoTime();
    if (retryAt != 0) left = Math.min(left, retryAt - now);
    if (driftAt != 0) left = Math.min(left, driftAt - now);
    if (heapReturnAt != 0) left = Math.min(left, heapReturnAt - now);
    return Duration.ofNanos(Math.max(0, left));
  }

  private Event next(Duration wait) {
    try {
      Event e = events.poll(Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS);
      beat();
      return e;
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      return new Stop();
    }
  }

  private void beat() {
    lastBeat = System.nanoTime();
  }

  /**
   * For the watchdog: the loop waited for events recently, or its switch has not run past {@link
   * #MAX_CYCLE}.
   */
  boolean alive() {
    long now = System.nanoTime();
    long busy = busySince;
    if (busy != 0) return now - busy < MAX_CYCLE.toNanos();
    return now - lastBeat < tick.multipliedBy(2).plusSeconds(5).toNanos();
  }

  String statusLine() {
    return StatusText.of(status, watchedModulesDir(), clock.instant());
  }

  private java.nio.file.Path watchedModulesDir() {
    WatchSet w = watched;
    return w != null ? w.modulesDir() : settings.modules();
  }

  DaemonStatus status() {
    return status;
  }

  /** SIGHUP. */
  void reloadRequested() {
    events.add(new Reload());
  }

  /** SIGTERM: tells systemd at once; the switch running (if any) finishes, then the loop ends. */
  void stop() {
    if (stopping) return;
    notify("STOPPING=1");
    log.info("stopping (SIGTERM)" + (busySince != 0 ? ": letting the running switch finish" : ""));
    events.add(new Stop());
  }

  /** Waits until the loop has ended (for a shutdown hook); false on timeout. */
  boolean awaitStopped(Duration timeout) {
    try {
      finished.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  /**
   * Asks the loop to converge now (the control socket's {@code switch}); completes when that switch
   * ends.
   */
  CompletableFuture<CycleResult> switchNow() {
    CompletableFuture<CycleResult> f = new CompletableFuture<>();
    if (stopping) {
      f.completeExceptionally(new IllegalStateException("the daemon is stopping"));
    } else {
      events.add(new SwitchNow(f));
    }
    return f;
  }

  private void notify(String state) {
    try {
      notifier.send(state);
    } catch (RuntimeException e) {
      log.warning("sd_notify: " + e.getMessage());
    }
  }
}
