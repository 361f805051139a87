package org.modsvc.switcher.systemd;

import java.util.List;

/**
 * What a {@link PhaseExecutor} run did: every phase's outcomes in execution order, and the failures
 * among them.
 */
public record SwitchReport(List<PhaseReport> phases, List<UnitFailure> failures) {
  public SwitchReport {
    phases = List.copyOf(phases);
    failures = List.copyOf(failures);
  }
}
