package org.modsvc.agent.metrics;

import java.util.Locale;

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

  /** The label value: {@code converged}, {@code nothing_to_do}, ... */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
