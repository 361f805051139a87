package org.modsvc.agent.logging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.modsvc.switcher.activation.SwitchResult;
import org.modsvc.switcher.config.EvaluationFailure;
import org.modsvc.switcher.config.FailedAssertions;
import org.modsvc.switcher.generation.GcReport;
import org.modsvc.switcher.systemd.JobOutcome;
import org.modsvc.switcher.systemd.PhaseReport;
import org.modsvc.switcher.systemd.SwitchReport;
import org.modsvc.switcher.systemd.UnitFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The daemon's log of a switch (docs/decisions.md §10): one record per job with its result ({@code
 * UNIT=}, ERROR when it failed, with the unit's last journal lines), the warnings at WARN, and a
 * summary with {@code MODSVC_GENERATION=}; a configuration that could not be applied is one ERROR
 * record, with {@code CODE_FILE}/{@code CODE_LINE} of the module for an evaluation error.
 */
public final class SwitchLog {
  private static final class Default {
    static final SwitchLog INSTANCE =
        new SwitchLog(LoggerFactory.getLogger("org.modsvc.agent.switch"));
  }

  private final Logger log;

  SwitchLog(Logger log) {
    this.log = log;
  }

  /** Logs a finished switch (or a dry run) through the {@code org.modsvc.agent.switch} logger. */
  public static void log(SwitchResult result) {
    Default.INSTANCE.switched(result);
  }

  /**
   * Logs a switch that stopped before changing anything live or part way ({@code SwitchException}
   * and its cause): the generation that keeps running, and the module position of an evaluation
   * error.
   */
  public static void failed(Throwable error, int runningGeneration) {
    Default.INSTANCE.stopped(error, runningGeneration);
  }

  void switched(SwitchResult r) {
    int generation = r.to();
    try (MDC.MDCCloseable g =
        MDC.putCloseable(LogFields.MODSVC_GENERATION, Integer.toString(generation))) {
      Map<JobOutcome, UnitFailure> failures = new LinkedHashMap<>();
      r.failures().forEach(f -> failures.put(f.outcome(), f));
      r.resumed()
          .ifPresent(
              res -> {
                // the interrupted switch's records carry its own generation; MDCCloseable would
                // remove the key, not restore it
                MDC.put(LogFields.MODSVC_GENERATION, Integer.toString(res.generation()));
                try {
                  log.info("finishing the interrupted switch to generation {}", res.generation());
                  jobs(res.report(), failures);
                } finally {
                  MDC.put(LogFields.MODSVC_GENERATION, Integer.toString(generation));
                }
              });
      r.warnings().forEach(w -> log.warn("warning: {}", w));
      r.notes().forEach(n -> log.info("note: {}", n));
      r.report().ifPresent(report -> jobs(report, failures));
      for (UnitFailure f : failures.values()) {
        unitFailure(
            f); // a failure that no phase listed (none today; kept so that none is ever lost)
      }
      r.gc()
          .filter(GcReport::deletedAnything)
          .ifPresent(
              gc -> log.info("garbage collection (--keep-generations {}): {}", gc.keep(), gc));
      String summary = summary(r);
      if (r.failures().isEmpty()) {
        log.info(summary);
      } else {
        log.error(summary);
      }
    }
  }

  /**
   * Logs every job of the report; failed ones at ERROR with their journal tail (removed from {@code
   * failures}).
   */
  private void jobs(SwitchReport report, Map<JobOutcome, UnitFailure> failures) {
    for (PhaseReport phase : report.phases()) {
      for (JobOutcome o : phase.outcomes()) {
        UnitFailure failure = failures.remove(o);
        if (failure != null) {
          unitFailure(failure);
        } else {
          try (MDC.MDCCloseable u = MDC.putCloseable(LogFields.UNIT, o.unit())) {
            if (o.failed()) {
              log.error(o.describe());
            } else {
              log.info(o.describe());
            }
          }
        }
      }
    }
  }

  private void unitFailure(UnitFailure f) {
    try (MDC.MDCCloseable u = MDC.putCloseable(LogFields.UNIT, f.outcome().unit())) {
      StringBuilder text = new StringBuilder(f.outcome().describe());
      if (!f.journal().isEmpty()) {
        text.append("\nits last journal lines:");
        f.journal().forEach(line -> text.append("\n    ").append(line));
      }
      log.error(text.toString());
    }
  }

  static String summary(SwitchResult r) {
    if (r.from() == r.to()
        && r.files().isEmpty()
        && r.plan().hasNoJobs()
        && r.failures().isEmpty()) {
      return (r.dryRun() ? "would change nothing" : "nothing to do")
          + ": generation "
          + r.to()
          + " is current";
    }
    StringBuilder sb = new StringBuilder(r.dryRun() ? "would switch" : "switched");
    sb.append(" from generation ")
        .append(r.from())
        .append(" to ")
        .append(r.to())
        .append(" (")
        .append(r.files().added().size())
        .append(" added, ")
        .append(r.files().changed().size())
        .append(" changed, ")
        .append(r.files().removed().size())
        .append(" removed");
    int jobs = r.report().map(SwitchLog::jobCount).orElse(0);
    if (!r.dryRun()) sb.append("; ").append(jobs).append(jobs == 1 ? " job" : " jobs");
    sb.append(')');
    List<UnitFailure> failures = r.failures();
    if (!failures.isEmpty()) {
      sb.append(": ")
          .append(failures.size())
          .append(failures.size() == 1 ? " unit" : " units")
          .append(" failed: ")
          .append(
              String.join(
                  ", ", failures.stream().map(f -> f.outcome().unit()).distinct().toList()));
    }
    return sb.toString();
  }

  private static int jobCount(SwitchReport report) {
    return report.phases().stream().mapToInt(p -> p.outcomes().size()).sum();
  }

  void stopped(Throwable error, int runningGeneration) {
    String keeps =
        runningGeneration > 0
            ? "generation " + runningGeneration + " keeps running"
            : "nothing is running";
    Optional<EvaluationFailure> eval = find(error, EvaluationFailure.class);
    try (MDC.MDCCloseable g =
        MDC.putCloseable(LogFields.MODSVC_GENERATION, Integer.toString(runningGeneration))) {
      if (eval.isPresent()) {
        Map<String, Object> data = eval.get().toData();
        Object file = data.get("file");
        Object line = data.get("line");
        if (file != null) MDC.put(LogFields.CODE_FILE, file.toString());
        if (line != null) MDC.put(LogFields.CODE_LINE, line.toString());
        try {
          String at =
              file == null ? "" : " in " + file + (line == null ? "" : ":" + line + column(data));
          log.error("evaluation error{}; {}: {}", at, keeps, eval.get().getMessage());
        } finally {
          MDC.remove(LogFields.CODE_FILE);
          MDC.remove(LogFields.CODE_LINE);
        }
      } else if (find(error, FailedAssertions.class).isPresent()) {
        log.error("{}; {}", find(error, FailedAssertions.class).get().getMessage(), keeps);
      } else {
        log.error("switch failed; {}: {}", keeps, error.getMessage());
      }
    }
  }

  private static String column(Map<String, Object> data) {
    Object column = data.get("column");
    return column == null ? "" : ":" + column;
  }

  private static <T extends Throwable> Optional<T> find(Throwable error, Class<T> type) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) return Optional.of(type.cast(t));
    }
    return Optional.empty();
  }
}
