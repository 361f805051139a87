package org.modsvc.agent.metrics;

import java.util.Locale;
import org.modsvc.switcher.activation.SwitchResult;
import org.modsvc.switcher.config.EvaluationFailure;
import org.modsvc.switcher.config.FailedAssertions;

/** How one daemon cycle ended: the {@code outcome} label of {@code modsvc_switches_total}. */
public enum SwitchOutcome {
  /** A new generation is current and every job succeeded. */
  CONVERGED,
  /** The configuration was unchanged (drift repairs, if any, are counted separately). */
  NOTHING_TO_DO,
  /** The switch ran, but some units failed (exit 4). */
  FAILED_UNITS,
  /** Units failed and the previous generation was switched back to. */
  ROLLED_BACK,
  /** Evaluation or an assertion failed: nothing changed. */
  EVAL_ERROR,
  /** Anything else that stopped the switch (I/O, D-Bus, a conflict). */
  ERROR;

  /**
   * The outcome of a switch that returned: FAILED_UNITS when a unit failed, NOTHING_TO_DO when the
   * generation stayed and nothing was written or run, CONVERGED otherwise. (A rolled-back switch is
   * told by its caller.)
   */
  public static SwitchOutcome of(SwitchResult result) {
    if (!result.failures().isEmpty()) return FAILED_UNITS;
    boolean idle =
        result.from() == result.to()
            && result.files().isEmpty()
            && result.plan().hasNoJobs()
            && result.resumed().isEmpty();
    return idle ? NOTHING_TO_DO : CONVERGED;
  }

  /**
   * The outcome of a switch that threw: EVAL_ERROR for an evaluation or assertion error anywhere in
   * the causes.
   */
  public static SwitchOutcome of(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof EvaluationFailure || t instanceof FailedAssertions) return EVAL_ERROR;
    }
    return ERROR;
  }

  /** The label value: {@code converged}, {@code nothing_to_do}, ... */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
