package org.modsvc.switcher.systemd;

import java.util.List;
import org.modsvc.switcher.plan.Phase;

/** A failed job with the last journal lines of its unit, read right after the phase ended. */
public record UnitFailure(Phase phase, JobOutcome outcome, List<String> journal) {
  public UnitFailure {
    journal = List.copyOf(journal);
  }
}
