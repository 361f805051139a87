package org.modsvc.switcher.systemd;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.modsvc.switcher.plan.Phase;
import org.modsvc.switcher.plan.PhasePlan;
import org.modsvc.switcher.unit.UnitName;

/**
 * Runs a switch's jobs the way switch-to-configuration-ng orders them: stop → write files
 * (callback) → at most one daemon-reload → reload → restart → start. The daemon-reload is made when
 * the {@link PhasePlan} asks for it (the planner found a unit file, drop-in, mask or link that
 * differs) or when the file phase reports that it changed the unit directory all the same (a
 * hand-edited unit file restored with {@code --force}, a repaired drift); otherwise systemd already
 * has every unit as it is on disk. Each phase's jobs are submitted together and all awaited before
 * the next phase starts. Failed jobs do not stop the switch (as upstream: the remaining phases
 * still run, the failures are reported and the caller exits 4); a failure to write the files or to
 * reload the daemon does, because later phases would act on a configuration systemd has not seen.
 */
public final class PhaseExecutor {
  /**
   * Writes the new generation's unit files; runs after the stop phase, before the daemon-reload.
   */
  @FunctionalInterface
  public interface FilesWriter {
    /**
     * Returns whether anything in the unit directory changed, which makes a daemon-reload
     * necessary.
     */
    boolean write() throws IOException;
  }

  /** Notified as phases progress, e.g. to print "stopping the following units: …". */
  public interface Listener {
    default void phaseStarting(Phase phase, List<UnitName> units) {}

    default void filesWritten() {}

    default void daemonReloaded() {}

    /** One job ended, {@code elapsed} after its phase's jobs were submitted. */
    default void jobFinished(Phase phase, JobOutcome outcome, Duration elapsed) {}

    /** The started and restarted units are watched for {@code window} (see {@link SettleWatch}). */
    default void settling(List<String> units, Duration window) {}
  }

  private final ManagerCalls client;
  private final JournalTail journal;
  private final int journalLines;
  private final Listener listener;
  private final Duration settle;

  public PhaseExecutor(ManagerCalls client, JournalTail journal) {
    this(client, journal, JournalTail.DEFAULT_LINES, new Listener() {}, Duration.ZERO);
  }

  /**
   * @param settle how long started and restarted units are watched after the last phase (zero: not
   *     at all)
   */
  public PhaseExecutor(
      ManagerCalls client,
      JournalTail journal,
      int journalLines,
      Listener listener,
      Duration settle) {
    this.settle = Objects.requireNonNull(settle, "settle");
    this.client = Objects.requireNonNull(client, "client");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.listener = Objects.requireNonNull(listener, "listener");
    if (journalLines < 0) {
      throw new IllegalArgumentException("journal lines must not be negative");
    }
    this.journalLines = journalLines;
  }

  /**
   * Runs the plan. Throws the writer's {@link IOException} (after the stop phase ran) or a {@link
   * SystemdException} when the daemon-reload fails; job failures are in the report.
   */
  public SwitchReport execute(PhasePlan plan, FilesWriter writeFiles) throws IOException {
    List<PhaseReport> phases = new ArrayList<>();
    List<UnitFailure> failures = new ArrayList<>();
    runPhase(Phase.STOP, plan, phases, failures);
    boolean unitFilesChanged = writeFiles.write();
    listener.filesWritten();
    if (plan.daemonReload() || unitFilesChanged) {
      client.daemonReload();
      listener.daemonReloaded();
    }
    for (UnitName unit : plan.resetFailed()) {
      try {
        client.resetFailed(unit);
      } catch (SystemdException e) {
        // the start job that follows reports whatever still stands in its way
      }
    }
    for (Phase phase : Phase.AFTER_DAEMON_RELOAD) {
      runPhase(phase, plan, phases, failures);
    }
    settle(phases, failures);
    return new SwitchReport(phases, failures);
  }

  /**
   * Watches the units whose restart or start job succeeded; an unhealthy one replaces its job's
   * outcome in the phase report and becomes a failure with its journal tail.
   */
  private void settle(List<PhaseReport> phases, List<UnitFailure> failures) {
    List<String> watched = new ArrayList<>();
    for (PhaseReport p : phases) {
      if (p.phase() == Phase.RESTART || p.phase() == Phase.START) {
        p.outcomes().stream()
            .filter(o -> !o.failed() && !watched.contains(o.unit()))
            .forEach(o -> watched.add(o.unit()));
      }
    }
    if (settle.isZero() || watched.isEmpty()) {
      return;
    }
    listener.settling(watched, settle);
    List<SettleWatch.Unhealthy> unhealthy;
    try {
      unhealthy = new SettleWatch(this::stateOrNull, settle).watch(watched);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SystemdException("interrupted while watching the started units", e);
    }
    for (SettleWatch.Unhealthy u : unhealthy) {
      for (int i = 0; i < phases.size(); i++) {
        PhaseReport p = phases.get(i);
        List<JobOutcome> outcomes = new ArrayList<>(p.outcomes());
        for (int j = 0; j < outcomes.size(); j++) {
          JobOutcome o = outcomes.get(j);
          if (o.unit().equals(u.unit())
              && !o.failed()
              && (p.phase() == Phase.RESTART || p.phase() == Phase.START)) {
            JobOutcome bad =
                new JobOutcome(
                    o.unit(), o.kind(), JobStatus.UNHEALTHY, o.systemdResult(), u.reason());
            outcomes.set(j, bad);
            failures.add(new UnitFailure(p.phase(), bad, tail(o.unit())));
          }
        }
        phases.set(i, new PhaseReport(p.phase(), outcomes));
      }
    }
  }

  /**
   * The switch is done when the watch runs: a state that cannot be read must not turn it into a
   * fatal error.
   */
  private UnitState stateOrNull(String unit) {
    try {
      return client.unitState(unit);
    } catch (SystemdException e) {
      return null;
    }
  }

  private List<String> tail(String unit) {
    return journalLines == 0 ? List.of() : journal.lastLines(unit, journalLines);
  }

  private void runPhase(
      Phase phase, PhasePlan plan, List<PhaseReport> phases, List<UnitFailure> failures) {
    List<UnitName> units = plan.units(phase);
    if (units.isEmpty()) {
      phases.add(new PhaseReport(phase, List.of()));
      return;
    }
    listener.phaseStarting(phase, units);
    JobKind kind = jobKind(phase);
    List<JobOutcome> outcomes =
        client.runJobs(
            units.stream().map(u -> new JobRequest(kind, u)).toList(),
            (outcome, elapsed) -> listener.jobFinished(phase, outcome, elapsed));
    phases.add(new PhaseReport(phase, outcomes));
    for (JobOutcome outcome : outcomes) {
      if (outcome.failed()) {
        failures.add(new UnitFailure(phase, outcome, tail(outcome.unit())));
      }
    }
  }

  /** Each job phase submits one kind of job. */
  static JobKind jobKind(Phase phase) {
    return switch (phase) {
      case STOP -> JobKind.STOP;
      case RELOAD -> JobKind.RELOAD;
      case RESTART -> JobKind.RESTART;
      case START -> JobKind.START;
      case FILES -> throw new IllegalArgumentException("the file phase submits no job");
    };
  }
}
