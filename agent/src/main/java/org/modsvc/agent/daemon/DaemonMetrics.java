package org.modsvc.agent.daemon;

import java.time.Duration;
import org.modsvc.agent.metrics.AgentMetrics;
import org.modsvc.agent.metrics.SwitchOutcome;

/** The daemon's attempts as the agent's metrics count them ({@code agent/metrics}). */
final class DaemonMetrics {
  private final AgentMetrics metrics;

  DaemonMetrics(AgentMetrics metrics) {
    this.metrics = metrics;
  }

  AgentMetrics metrics() {
    return metrics;
  }

  void cycle(CycleResult r) {
    Duration evaluation = r.evaluation().orElse(Duration.ZERO);
    Duration switching = r.duration().minus(evaluation);
    metrics.switchFinished(
        SwitchOutcome.valueOf(r.outcome().name()),
        evaluation,
        switching.isNegative() ? Duration.ZERO : switching);
    if (r.repaired() > 0) metrics.driftCorrected(r.repaired());
    metrics.generation(r.generation());
    metrics.managedUnits(r.managedUnits());
    if (r.switched() || r.outcome() == Outcome.ROLLED_BACK)
      metrics.failedUnits(r.failedUnits().size());
    if (r.outcome() == Outcome.CONVERGED || r.outcome() == Outcome.NOTHING_TO_DO) {
      metrics.lastSuccessfulSwitch(r.at().plus(r.duration()));
    }
  }
}
