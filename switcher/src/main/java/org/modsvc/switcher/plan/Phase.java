package org.modsvc.switcher.plan;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The steps of a switch in execution order (docs/decisions.md §6): the stop phase, the file phase
 * (the new generation's files written and {@code current} flipped; no jobs), then, after the
 * daemon-reload if one is needed, the reload, restart and start phases. The planner fills the job
 * phases, the pending journal records which steps are done, the executor runs them; all three use
 * this one vocabulary.
 */
public enum Phase {
  STOP,
  FILES,
  RELOAD,
  RESTART,
  START;

  /** The phases that submit jobs, in order. */
  public static final List<Phase> JOB_PHASES = List.of(STOP, RELOAD, RESTART, START);

  /** The phases that run after the daemon-reload. */
  public static final List<Phase> AFTER_DAEMON_RELOAD = List.of(RELOAD, RESTART, START);

  /** {@code stop}, {@code files}, …: the word the journal stores and the progress lines print. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Phase> ofLabel(String label) {
    for (Phase phase : values()) {
      if (phase.label().equals(label)) {
        return Optional.of(phase);
      }
    }
    return Optional.empty();
  }

  public boolean runsJobs() {
    return this != FILES;
  }
}
