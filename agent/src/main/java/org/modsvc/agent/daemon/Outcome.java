package org.modsvc.agent.daemon;

/** How one convergence attempt ended, as the daemon reports and counts it. */
enum Outcome {
  /** A new generation is current and every job succeeded. */
  CONVERGED,
  /** The configuration was already the current one: no file written, no job. */
  NOTHING_TO_DO,
  /** Files switched, some unit failed (exit 4 of a switch). */
  FAILED_UNITS,
  /** Units failed and the previous generation was switched back ({@code --rollback-on-failure}). */
  ROLLED_BACK,
  /**
   * Evaluation, assertion or unit check error (exit 2): nothing changed, the current generation
   * keeps running.
   */
  EVAL_ERROR,
  /** Anything else that stopped the switch (exit 1: bus, lock, a file in the way, I/O). */
  ERROR
}
