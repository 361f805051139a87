package org.modsvc.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentMetricsTest {

  @Test
  void fresh_everyOutcomeAtZero_andEveryFamilyTyped() {
    ExpositionText text = new ExpositionText(new AgentMetrics().scrape());

    for (SwitchOutcome o : SwitchOutcome.values()) {
      assertEquals(
          0.0, text.value("modsvc_switches_total{outcome=\"" + o.label() + "\"}"), o.toString());
    }
    assertEquals(
        Map.of(
            "modsvc_switches_total", "counter",
            "modsvc_evaluation_errors_total", "counter",
            "modsvc_drift_corrections_total", "counter",
            "modsvc_failed_units", "gauge",
            "modsvc_generation", "gauge",
            "modsvc_managed_units", "gauge",
            "modsvc_last_successful_switch_timestamp_seconds", "gauge",
            "modsvc_evaluation_duration_seconds", "histogram",
            "modsvc_switch_duration_seconds", "histogram"),
        text.types);
    assertEquals(text.types.keySet(), text.help.keySet(), "every family has its HELP");
    assertEquals(0.0, text.value("modsvc_last_successful_switch_timestamp_seconds"));
  }

  @Test
  void afterASequenceOfCycles_countsGaugesAndHistogramsAreWhatHappened() {
    AgentMetrics m = new AgentMetrics();

    m.switchFinished(SwitchOutcome.CONVERGED, Duration.ofMillis(300), Duration.ofMillis(1200));
    m.generation(12);
    m.managedUnits(41);
    m.failedUnits(0);
    m.lastSuccessfulSwitch(Instant.ofEpochSecond(1_800_000_000L, 250_000_000));
    m.switchFinished(SwitchOutcome.EVAL_ERROR, Duration.ofMillis(40), Duration.ZERO);
    m.switchFinished(SwitchOutcome.EVAL_ERROR, Duration.ofMillis(60), Duration.ZERO);
    m.switchFinished(SwitchOutcome.FAILED_UNITS, Duration.ofMillis(200), Duration.ofSeconds(6));
    m.failedUnits(2);
    m.generation(13);
    m.driftCorrected(2);
    m.driftCorrected(0);
    m.driftCorrected(1);
    m.switchFinished(SwitchOutcome.NOTHING_TO_DO, Duration.ofMillis(5), Duration.ofMillis(20));

    ExpositionText t = new ExpositionText(m.scrape());
    assertEquals(1.0, t.value("modsvc_switches_total{outcome=\"converged\"}"));
    assertEquals(2.0, t.value("modsvc_switches_total{outcome=\"eval_error\"}"));
    assertEquals(1.0, t.value("modsvc_switches_total{outcome=\"failed_units\"}"));
    assertEquals(1.0, t.value("modsvc_switches_total{outcome=\"nothing_to_do\"}"));
    assertEquals(0.0, t.value("modsvc_switches_total{outcome=\"rolled_back\"}"));
    assertEquals(0.0, t.value("modsvc_switches_total{outcome=\"error\"}"));
    assertEquals(2.0, t.value("modsvc_evaluation_errors_total"));
    assertEquals(3.0, t.value("modsvc_drift_corrections_total"));
    assertEquals(2.0, t.value("modsvc_failed_units"));
    assertEquals(13.0, t.value("modsvc_generation"));
    assertEquals(41.0, t.value("modsvc_managed_units"));
    assertEquals(1.80000000025e9, t.value("modsvc_last_successful_switch_timestamp_seconds"), 1e-3);

    // every cycle was evaluated; only the three that were not evaluation errors switched
    assertEquals(5.0, t.value("modsvc_evaluation_duration_seconds_count"));
    assertEquals(0.605, t.value("modsvc_evaluation_duration_seconds_sum"), 1e-9);
    assertEquals(1.0, t.value("modsvc_evaluation_duration_seconds_bucket{le=\"0.01\"}"));
    assertEquals(3.0, t.value("modsvc_evaluation_duration_seconds_bucket{le=\"0.1\"}"));
    assertEquals(5.0, t.value("modsvc_evaluation_duration_seconds_bucket{le=\"+Inf\"}"));
    assertEquals(3.0, t.value("modsvc_switch_duration_seconds_count"));
    assertEquals(7.22, t.value("modsvc_switch_duration_seconds_sum"), 1e-9);
    assertEquals(1.0, t.value("modsvc_switch_duration_seconds_bucket{le=\"0.05\"}"));
    assertEquals(2.0, t.value("modsvc_switch_duration_seconds_bucket{le=\"2.5\"}"));
    assertEquals(3.0, t.value("modsvc_switch_duration_seconds_bucket{le=\"7.5\"}"));
  }

  @Test
  void twoInstances_doNotShareCounts() {
    AgentMetrics a = new AgentMetrics();
    AgentMetrics b = new AgentMetrics();

    a.driftCorrected(5);

    assertEquals(0.0, new ExpositionText(b.scrape()).value("modsvc_drift_corrections_total"));
  }

  @Test
  void negativeInputs_areRefused() {
    AgentMetrics m = new AgentMetrics();

    assertThrows(IllegalArgumentException.class, () -> m.driftCorrected(-1));
    assertThrows(
        IllegalArgumentException.class,
        () -> m.switchFinished(SwitchOutcome.CONVERGED, Duration.ofMillis(-1), Duration.ZERO));
  }

  @Test
  void contentType_isTheTextFormat() {
    assertTrue(new AgentMetrics().contentType().startsWith("text/plain; version=0.0.4"));
  }
}
