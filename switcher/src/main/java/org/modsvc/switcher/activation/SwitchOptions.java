package org.modsvc.switcher.activation;

import java.time.Duration;
import org.modsvc.switcher.generation.GenerationSwitcher;

/**
 * How a switch behaves beyond its configuration.
 *
 * @param force move unmanaged files in the way aside ({@code <path>.modsvc-backup}) and overwrite hand-edited owned
 *     files, as docs/decisions.md §4 allows
 * @param lockWait how long to wait for another switch holding the lock before giving up (exit 1)
 * @param keepGenerations generations kept by the garbage collection after a switch
 */
public record SwitchOptions(boolean force, Duration lockWait, int keepGenerations) {
  public static final Duration DEFAULT_LOCK_WAIT = Duration.ofMinutes(5);

  public SwitchOptions {
    if (lockWait.isNegative()) {
      throw new IllegalArgumentException("lock wait must not be negative");
    }
    if (keepGenerations < 1) {
      throw new IllegalArgumentException("at least the current generation must be kept, got " + keepGenerations);
    }
  }

  public static SwitchOptions defaults() {
    return new SwitchOptions(false, DEFAULT_LOCK_WAIT, GenerationSwitcher.DEFAULT_KEEP);
  }

  public SwitchOptions withForce(boolean f) {
    return new SwitchOptions(f, lockWait, keepGenerations);
  }

  public SwitchOptions withKeepGenerations(int keep) {
    return new SwitchOptions(force, lockWait, keep);
  }

  public SwitchOptions withLockWait(Duration wait) {
    return new SwitchOptions(force, wait, keepGenerations);
  }
}
