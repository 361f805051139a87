package org.modsvc.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.modsvc.switcher.activation.ExitCode;
import org.modsvc.switcher.activation.SwitchException;
import org.modsvc.switcher.activation.SwitchResult;
import org.modsvc.switcher.config.FailedAssertions;
import org.modsvc.switcher.fs.HostPath;
import org.modsvc.switcher.generation.GenerationDiff;
import org.modsvc.switcher.plan.Phase;
import org.modsvc.switcher.plan.SwitchMode;
import org.modsvc.switcher.plan.SwitchPlan;
import org.modsvc.switcher.systemd.JobKind;
import org.modsvc.switcher.systemd.JobOutcome;
import org.modsvc.switcher.systemd.JobStatus;
import org.modsvc.switcher.systemd.PhaseReport;
import org.modsvc.switcher.systemd.SwitchReport;
import org.modsvc.switcher.systemd.UnitFailure;

class SwitchOutcomeTest {
  private static final SwitchPlan NO_JOBS =
      new SwitchPlan(
          SwitchMode.SYSTEM,
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          Set.of(),
          Set.of(),
          List.of(),
          List.of(),
          List.of());

  private static SwitchResult result(
      int from, int to, GenerationDiff files, Optional<SwitchReport> report) {
    return new SwitchResult(
        Optional.empty(),
        from,
        to,
        false,
        files,
        NO_JOBS,
        report,
        List.of(),
        List.of(),
        Optional.empty(),
        Map.of());
  }

  private static GenerationDiff noFiles() {
    return new GenerationDiff(new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
  }

  @Test
  void fromResults() {
    GenerationDiff added =
        new GenerationDiff(
            new TreeSet<>(Set.of(HostPath.of("/etc/systemd/system/a.service"))),
            new TreeSet<>(),
            new TreeSet<>());
    JobOutcome failed = new JobOutcome("a.service", JobKind.START, JobStatus.FAILED, "failed", "");
    SwitchReport failing =
        new SwitchReport(
            List.of(new PhaseReport(Phase.START, List.of(failed))),
            List.of(new UnitFailure(Phase.START, failed, List.of())));

    assertEquals(
        SwitchOutcome.NOTHING_TO_DO, SwitchOutcome.of(result(4, 4, noFiles(), Optional.empty())));
    assertEquals(SwitchOutcome.CONVERGED, SwitchOutcome.of(result(4, 5, added, Optional.empty())));
    assertEquals(
        SwitchOutcome.CONVERGED,
        SwitchOutcome.of(result(4, 4, added, Optional.empty())),
        "same generation, files restored");
    assertEquals(
        SwitchOutcome.FAILED_UNITS, SwitchOutcome.of(result(4, 5, added, Optional.of(failing))));
  }

  @Test
  void fromErrors() {
    assertEquals(
        SwitchOutcome.EVAL_ERROR,
        SwitchOutcome.of(
            new SwitchException(ExitCode.CONFIGURATION, "x", new FailedAssertions(List.of("no")))));
    assertEquals(
        SwitchOutcome.ERROR,
        SwitchOutcome.of(new SwitchException(ExitCode.FATAL, "bus gone", null)));
    assertEquals("nothing_to_do", SwitchOutcome.NOTHING_TO_DO.label());
  }
}
