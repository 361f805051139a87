package org.modsvc.switcher.systemd;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs a switch's jobs the way switch-to-configuration-ng orders them: stop → write files (callback) → exactly one
 * daemon-reload → reload → restart → start. Each phase's jobs are submitted together and all awaited before the
 * next phase starts. Failed jobs do not stop the switch (as upstream: the remaining phases still run, the failures
 * are reported and the caller exits 4); a failure to write the files or to reload the daemon does, because later
 * phases would act on a configuration systemd has not seen.
 */
public final class PhaseExecutor {
  /** Writes the new generation's unit files; runs after the stop phase, before the daemon-reload. */
  @FunctionalInterface
  public interface FilesWriter {
    void write() throws IOException;
  }

  /** Notified as phases progress, e.g. to print "stopping the following units: …". */
  public interface Listener {
    default void phaseStarting(Phase phase, List<String> units) {}

    default void filesWritten() {}

    default void daemonReloaded() {}
  }

  private final SystemdClient client;
  private final JournalTail journal;
  private final int journalLines;
  private final Listener listener;

  public PhaseExecutor(SystemdClient client, JournalTail journal) {
    this(client, journal, JournalTail.DEFAULT_LINES, new Listener() {});
  }

  public PhaseExecutor(SystemdClient client, JournalTail journal, int journalLines, Listener listener) {
    this.client = Objects.requireNonNull(client, "client");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.listener = Objects.requireNonNull(listener, "listener");
    if (journalLines < 0) {
      throw new IllegalArgumentException("journal lines must not be negative");
    }
    this.journalLines = journalLines;
  }

  /**
   * Runs the plan. Throws the writer's {@link IOException} (after the stop phase ran) or a
   * {@link SystemdException} when the daemon-reload fails; job failures are in the report.
   */
  public SwitchReport execute(PhasePlan plan, FilesWriter writeFiles) throws IOException {
    List<PhaseReport> phases = new ArrayList<>();
    List<UnitFailure> failures = new ArrayList<>();
    runPhase(Phase.STOP, plan, phases, failures);
    writeFiles.write();
    listener.filesWritten();
    client.daemonReload();
    listener.daemonReloaded();
    for (Phase phase : List.of(Phase.RELOAD, Phase.RESTART, Phase.START)) {
      runPhase(phase, plan, phases, failures);
    }
    return new SwitchReport(phases, failures);
  }

  private void runPhase(Phase phase, PhasePlan plan, List<PhaseReport> phases, List<UnitFailure> failures) {
    List<String> units = plan.units(phase);
    if (units.isEmpty()) {
      phases.add(new PhaseReport(phase, List.of()));
      return;
    }
    listener.phaseStarting(phase, units);
    List<JobOutcome> outcomes = client.runJobs(units.stream().map(u -> new JobRequest(phase.kind(), u)).toList());
    phases.add(new PhaseReport(phase, outcomes));
    for (JobOutcome outcome : outcomes) {
      if (outcome.failed()) {
        List<String> tail = journalLines == 0 ? List.of() : journal.lastLines(outcome.unit(), journalLines);
        failures.add(new UnitFailure(phase, outcome, tail));
      }
    }
  }
}
