package org.modsvc.agent.daemon;

/**
 * The daemon's one door to switching: evaluate the module files and make them the running
 * configuration, exactly as {@code modsvc-agent switch} does ({@link ActivationConverger}); tests
 * of the loop use a fake.
 */
interface Converger extends AutoCloseable {
  /** One whole switch; never throws for a failed switch, which is a {@link CycleResult} too. */
  CycleResult converge();

  /**
   * The generation current now and its unit count, read from the state directory (no evaluation).
   */
  CycleResult.Current current();

  /**
   * The owned files that differ from the current generation (reads only, no lock, no evaluation).
   */
  org.modsvc.switcher.activation.DriftReport checkDrift();

  /**
   * Writes the drifted files back from the current generation and restarts/reloads their units; no
   * evaluation.
   */
  CycleResult repairDrift();

  @Override
  default void close() {}
}
