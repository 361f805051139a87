package org.modsvc.switcher.activation;

import java.time.Duration;
import java.util.Objects;
import org.modsvc.switcher.generation.GenerationSwitcher;

/**
 * How a switch behaves beyond its configuration.
 *
 * @param force move unmanaged files in the way aside ({@code <path>.modsvc-backup}) and overwrite
 *     hand-edited owned files, as docs/decisions.md §4 allows; also retries a configuration that
 *     failed and was rolled back (§12)
 * @param lockWait how long to wait for another switch holding the lock before giving up (exit 1)
 * @param keepGenerations generations kept by the garbage collection after a switch
 * @param drift what to do about owned files that drifted from the current generation (§12)
 * @param rollbackOnFailure when units of the new generation fail (job or settle watch), switch back
 *     to the previous generation and mark this configuration so that it is not retried unchanged
 *     (§12)
 */
public record SwitchOptions(
    boolean force,
    Duration lockWait,
    int keepGenerations,
    DriftPolicy drift,
    boolean rollbackOnFailure) {
  public static final Duration DEFAULT_LOCK_WAIT = Duration.ofMinutes(5);

  public SwitchOptions {
    if (lockWait.isNegative()) {
      throw new IllegalArgumentException("lock wait must not be negative");
    }
    if (keepGenerations < 1) {
      throw new IllegalArgumentException(
          "at least the current generation must be kept, got " + keepGenerations);
    }
    Objects.requireNonNull(drift, "drift");
  }

  public SwitchOptions(boolean force, Duration lockWait, int keepGenerations) {
    this(force, lockWait, keepGenerations, DriftPolicy.REPAIR_MISSING, false);
  }

  public static SwitchOptions defaults() {
    return new SwitchOptions(false, DEFAULT_LOCK_WAIT, GenerationSwitcher.DEFAULT_KEEP);
  }

  public SwitchOptions withForce(boolean f) {
    return new SwitchOptions(f, lockWait, keepGenerations, drift, rollbackOnFailure);
  }

  public SwitchOptions withKeepGenerations(int keep) {
    return new SwitchOptions(force, lockWait, keep, drift, rollbackOnFailure);
  }

  public SwitchOptions withLockWait(Duration wait) {
    return new SwitchOptions(force, wait, keepGenerations, drift, rollbackOnFailure);
  }

  public SwitchOptions withDrift(DriftPolicy policy) {
    return new SwitchOptions(force, lockWait, keepGenerations, policy, rollbackOnFailure);
  }

  public SwitchOptions withRollbackOnFailure(boolean rollback) {
    return new SwitchOptions(force, lockWait, keepGenerations, drift, rollback);
  }
}
