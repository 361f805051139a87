package org.modsvc.switcher.systemd;

import java.util.List;
import org.modsvc.switcher.plan.Phase;

/** The outcomes of one phase's jobs, in the plan's order. */
public record PhaseReport(Phase phase, List<JobOutcome> outcomes) {
  public PhaseReport {
    outcomes = List.copyOf(outcomes);
  }
}
