package org.modsvc.agent.metrics;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The counters an operator alerts on (issue 20; names in docs/decisions.md §10), in a registry of
 * their own. Thread-safe: the daemon's loop updates them while the control socket or the HTTP
 * server scrapes.
 */
public final class AgentMetrics {
  /**
   * Bucket bounds in seconds, from a warm no-change cycle (milliseconds) to a cold large
   * evaluation.
   */
  private static final double[] EVALUATION_BUCKETS = {
    0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60
  };

  /**
   * A switch includes daemon-reload and the jobs, and the settle window (5 s by default) when units
   * started.
   */
  private static final double[] SWITCH_BUCKETS = {
    0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 7.5, 10, 15, 30, 60, 120
  };

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

  private final Counter switches =
      Counter.builder()
          .name("modsvc_switches_total")
          .help("Daemon cycles (evaluation and switch) by how they ended")
          .labelNames("outcome")
          .withoutExemplars()
          .register(registry);
  private final Counter evaluationErrors =
      Counter.builder()
          .name("modsvc_evaluation_errors_total")
          .help(
              "Evaluations of the module files that failed (syntax, evaluation or assertion errors)")
          .withoutExemplars()
          .register(registry);
  private final Counter driftCorrections =
      Counter.builder()
          .name("modsvc_drift_corrections_total")
          .help(
              "Managed files and links restored after they were changed or removed behind the agent's back")
          .withoutExemplars()
          .register(registry);
  private final Gauge failedUnits =
      Gauge.builder()
          .name("modsvc_failed_units")
          .help("Units that failed in the last switch")
          .withoutExemplars()
          .register(registry);
  private final Gauge generation =
      Gauge.builder()
          .name("modsvc_generation")
          .help("The current generation")
          .withoutExemplars()
          .register(registry);
  private final Gauge managedUnits =
      Gauge.builder()
          .name("modsvc_managed_units")
          .help("Units the current generation manages")
          .withoutExemplars()
          .register(registry);
  private final Gauge lastSuccess =
      Gauge.builder()
          .name("modsvc_last_successful_switch_timestamp_seconds")
          .help(
              "When the last switch ended with every unit healthy (Unix time); 0 before the first")
          .unit(Unit.SECONDS)
          .withoutExemplars()
          .register(registry);
  private final Histogram evaluationDuration =
      Histogram.builder()
          .name("modsvc_evaluation_duration_seconds")
          .help("Time to evaluate the module files and build the generation's files")
          .unit(Unit.SECONDS)
          .classicOnly()
          .classicUpperBounds(EVALUATION_BUCKETS)
          .withoutExemplars()
          .register(registry);
  private final Histogram switchDuration =
      Histogram.builder()
          .name("modsvc_switch_duration_seconds")
          .help("Time from a built configuration to the end of the switch (jobs and settle window)")
          .unit(Unit.SECONDS)
          .classicOnly()
          .classicUpperBounds(SWITCH_BUCKETS)
          .withoutExemplars()
          .register(registry);

  public AgentMetrics() {
    for (SwitchOutcome o : SwitchOutcome.values()) {
      switches.labelValues(o.label()); // present at 0 from the start
    }
  }

  /**
   * One cycle ended. {@code evaluation} is always observed; {@code switching} is not for {@link
   * SwitchOutcome#EVAL_ERROR} (nothing was switched). An EVAL_ERROR also counts in {@code
   * modsvc_evaluation_errors_total}.
   */
  public void switchFinished(SwitchOutcome outcome, Duration evaluation, Duration switching) {
    switches.labelValues(outcome.label()).inc();
    evaluationDuration.observe(seconds(evaluation));
    if (outcome == SwitchOutcome.EVAL_ERROR) {
      evaluationErrors.inc();
    } else {
      switchDuration.observe(seconds(switching));
    }
  }

  public void driftCorrected(int n) {
    if (n < 0) throw new IllegalArgumentException("negative drift corrections: " + n);
    driftCorrections.inc(n);
  }

  public void failedUnits(int n) {
    failedUnits.set(n);
  }

  public void generation(int n) {
    generation.set(n);
  }

  public void managedUnits(int n) {
    managedUnits.set(n);
  }

  public void lastSuccessfulSwitch(Instant t) {
    lastSuccess.set(t.getEpochSecond() + t.getNano() / 1e9);
  }

  /** Every metric in Prometheus' text exposition format (version 0.0.4). */
  public String scrape() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    writeTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** {@link #scrape()} written to a stream (the HTTP server's response). */
  public void writeTo(OutputStream out) {
    try {
      writer.write(out, registry.scrape(), EscapingScheme.DEFAULT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The content type of {@link #scrape()}'s text. */
  public String contentType() {
    return writer.getContentType();
  }

  private static double seconds(Duration d) {
    if (d.isNegative()) throw new IllegalArgumentException("negative duration: " + d);
    return d.toNanos() / 1e9;
  }
}
