package org.modsvc.agent.daemon;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the daemon runs, beyond what its switches take from the command line.
 *
 * @param modules the module directory (or single module file) on disk, {@code --root} already
 *     applied
 * @param debounce the quiet period before evaluating while a watched file is still open for writing
 *     ({@code --debounce}): a file written in several pieces ends as one evaluation; a complete
 *     change (closed, renamed into place) waits only {@link Daemon#COALESCE} (docs/decisions.md
 *     §13)
 * @param user a user instance ({@code --user})
 * @param driftInterval how often the owned files are compared with the current generation ({@code
 *     --drift-interval}; zero: never)
 * @param driftRepair whether drifted files are written back ({@code --drift}: not {@code report})
 */
record DaemonSettings(
    Path modules, Duration debounce, boolean user, Duration driftInterval, boolean driftRepair) {
  static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(500);

  DaemonSettings(Path modules, Duration debounce, boolean user) {
    this(modules, debounce, user, Duration.ZERO, true);
  }

  DaemonSettings {
    if (debounce.isNegative() || debounce.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException(
          "--debounce takes 0 to 600000 ms, got " + debounce.toMillis());
    }
    if (driftInterval.isNegative()) {
      throw new IllegalArgumentException(
          "--drift-interval must not be negative, got " + driftInterval.toSeconds());
    }
  }
}
