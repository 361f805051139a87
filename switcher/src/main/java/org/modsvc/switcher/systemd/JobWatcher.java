package org.modsvc.switcher.systemd;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pairs submitted job paths with their {@code JobRemoved} signals. The handler is registered (and
 * {@code Subscribe} called) before any job is submitted, and a signal may arrive before the method
 * reply that tells us the job path, so signals and waiters meet in one map of futures keyed by job
 * path, whichever comes first. Signals are kept only while a batch is open, so jobs of other
 * clients do not pile up.
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

  /**
   * Calls {@code onResult} with systemd's result string once the job's signal arrives (at once if
   * it did).
   */
  void whenRemoved(String jobPath, java.util.function.Consumer<String> onResult) {
    future(jobPath).thenAccept(onResult);
  }

  private CompletableFuture<String> future(String jobPath) {
    return byJobPath.computeIfAbsent(jobPath, p -> new CompletableFuture<>());
  }
}
