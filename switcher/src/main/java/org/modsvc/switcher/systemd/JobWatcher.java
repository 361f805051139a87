package org.modsvc.switcher.systemd;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Pairs submitted job paths with their {@code JobRemoved} signals. The handler is registered (and
 * {@code Subscribe} called) before any job is submitted, and a signal may arrive before the method reply that
 * tells us the job path, so signals and waiters meet in one map of futures keyed by job path, whichever comes
 * first. Signals are kept only while a batch is open, so jobs of other clients do not pile up.
 */
final class JobWatcher {
  private final Map<String, CompletableFuture<String>> byJobPath = new ConcurrentHashMap<>();
  private volatile boolean open;

  void onJobRemoved(ManagerInterface.JobRemoved signal) {
    if (open) {
      future(signal.jobPath()).complete(signal.jobResult());
    }
  }

  /** Starts keeping signals; call before submitting the jobs of a batch. */
  void openBatch() {
    byJobPath.clear();
    open = true;
  }

  void closeBatch() {
    open = false;
    byJobPath.clear();
  }

  /** systemd's result string for the job, or null when {@code timeout} ran out first. */
  String await(String jobPath, Duration timeout) throws InterruptedException {
    try {
      return future(jobPath).get(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return null;
    } catch (ExecutionException e) {
      throw new IllegalStateException("job futures are never completed exceptionally", e);
    }
  }

  private CompletableFuture<String> future(String jobPath) {
    return byJobPath.computeIfAbsent(jobPath, p -> new CompletableFuture<>());
  }
}
