package org.modsvc.agent.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modsvc.switcher.activation.ExitCode;
import org.modsvc.switcher.activation.SwitchException;
import org.modsvc.switcher.activation.SwitchResult;
import org.modsvc.switcher.build.BuildException;
import org.modsvc.switcher.config.FailedAssertions;
import org.modsvc.switcher.config.ModuleConfiguration;
import org.modsvc.switcher.fs.HostPath;
import org.modsvc.switcher.generation.GenerationDiff;
import org.modsvc.switcher.generation.Layout;
import org.modsvc.switcher.plan.Phase;
import org.modsvc.switcher.plan.PlannedAction;
import org.modsvc.switcher.plan.SwitchMode;
import org.modsvc.switcher.plan.SwitchPlan;
import org.modsvc.switcher.systemd.JobKind;
import org.modsvc.switcher.systemd.JobOutcome;
import org.modsvc.switcher.systemd.JobStatus;
import org.modsvc.switcher.systemd.PhaseReport;
import org.modsvc.switcher.systemd.SwitchReport;
import org.modsvc.switcher.systemd.UnitFailure;
import org.modsvc.switcher.unit.UnitName;

class SwitchLogTest {
  @TempDir Path tmp;

  /**
   * Keeps each event with its MDC as it was when logged (logback reads the MDC lazily otherwise).
   */
  private static final class Events extends ListAppender<ILoggingEvent> {
    @Override
    protected void append(ILoggingEvent e) {
      e.prepareForDeferredProcessing();
      super.append(e);
    }
  }

  private final Events events = new Events();
  private final SwitchLog switchLog = new SwitchLog(TestContexts.loggerWith(events));

  private static SwitchPlan plan(List<String> restart, List<String> start) {
    return new SwitchPlan(
        SwitchMode.SYSTEM,
        List.of(),
        List.of(),
        restart.stream().map(u -> new PlannedAction(UnitName.of(u), "changed")).toList(),
        start.stream().map(u -> new PlannedAction(UnitName.of(u), "new")).toList(),
        List.of(),
        List.of(),
        Set.of(),
        Set.of(),
        List.of(),
        List.of("units changed"),
        List.of());
  }

  private static GenerationDiff files(String... added) {
    TreeSet<HostPath> a = new TreeSet<>();
    for (String p : added) a.add(HostPath.of(p));
    return new GenerationDiff(a, new TreeSet<>(), new TreeSet<>());
  }

  private static SwitchResult result(
      int from,
      int to,
      GenerationDiff files,
      SwitchPlan plan,
      Optional<SwitchReport> report,
      List<String> warnings) {
    return new SwitchResult(
        Optional.empty(),
        from,
        to,
        false,
        files,
        plan,
        report,
        warnings,
        List.of(),
        Optional.empty(),
        Map.of());
  }

  private String line(ILoggingEvent e) {
    return e.getLevel()
        + " "
        + e.getFormattedMessage()
        + " "
        + new java.util.TreeMap<>(e.getMDCPropertyMap());
  }

  private List<String> lines() {
    return events.list.stream().map(this::line).toList();
  }

  @Test
  void successfulSwitch_oneInfoLinePerJobWithItsUnit_warnings_thenSummaryWithGeneration() {
    JobOutcome restarted =
        new JobOutcome("web.service", JobKind.RESTART, JobStatus.DONE, "done", "");
    JobOutcome started = new JobOutcome("db.service", JobKind.START, JobStatus.DONE, "done", "");
    SwitchReport report =
        new SwitchReport(
            List.of(
                new PhaseReport(Phase.RESTART, List.of(restarted)),
                new PhaseReport(Phase.START, List.of(started))),
            List.of());

    switchLog.switched(
        result(
            3,
            4,
            files("/etc/systemd/system/db.service"),
            plan(List.of("web.service"), List.of("db.service")),
            Optional.of(report),
            List.of("option x is deprecated")));

    assertEquals(
        List.of(
            "WARN warning: option x is deprecated {MODSVC_GENERATION=4}",
            "INFO restart web.service: done {MODSVC_GENERATION=4, UNIT=web.service}",
            "INFO start db.service: done {MODSVC_GENERATION=4, UNIT=db.service}",
            "INFO switched from generation 3 to 4 (1 added, 0 changed, 0 removed; 2 jobs) {MODSVC_GENERATION=4}"),
        lines());
  }

  @Test
  void failedUnit_isAnErrorWithItsJournalTail_andTheSummaryIsAnErrorNamingIt() {
    JobOutcome ok = new JobOutcome("db.service", JobKind.START, JobStatus.DONE, "done", "");
    JobOutcome bad =
        new JobOutcome(
            "web.service",
            JobKind.START,
            JobStatus.UNHEALTHY,
            "done",
            "restarted 2 times within 5 s");
    UnitFailure failure =
        new UnitFailure(
            Phase.START,
            bad,
            List.of(
                "web[12]: cannot bind :80",
                "web.service: " + "Main process exited, code=exited, status=1/FAILURE"));
    SwitchReport report =
        new SwitchReport(List.of(new PhaseReport(Phase.START, List.of(ok, bad))), List.of(failure));

    switchLog.switched(
        result(
            7,
            8,
            files(),
            plan(List.of(), List.of("db.service", "web.service")),
            Optional.of(report),
            List.of()));

    assertEquals(
        List.of(
            "INFO start db.service: done {MODSVC_GENERATION=8, UNIT=db.service}",
            "ERROR Failed to start web.service: unhealthy (restarted 2 times within 5 s)\nits last journal lines:\n"
                + "    web[12]: cannot bind :80\n    web.service: Main process exited, code=exited, status=1/FAILURE "
                + "{MODSVC_GENERATION=8, UNIT=web.service}",
            "ERROR switched from generation 7 to 8 (0 added, 0 changed, 0 removed; 2 jobs): 1 unit failed: web.service "
                + "{MODSVC_GENERATION=8}"),
        lines());
  }

  @Test
  void resumedSwitch_itsJobsCarryItsGeneration_theRestTheNewOne() {
    JobOutcome resumedJob =
        new JobOutcome("old.service", JobKind.RESTART, JobStatus.DONE, "done", "");
    JobOutcome job = new JobOutcome("web.service", JobKind.START, JobStatus.DONE, "done", "");
    SwitchReport resumedReport =
        new SwitchReport(List.of(new PhaseReport(Phase.RESTART, List.of(resumedJob))), List.of());
    SwitchReport report =
        new SwitchReport(List.of(new PhaseReport(Phase.START, List.of(job))), List.of());
    SwitchResult r =
        new SwitchResult(
            Optional.of(
                new SwitchResult.Resumed(
                    6, List.of(), plan(List.of("old.service"), List.of()), resumedReport)),
            6,
            7,
            false,
            files(),
            plan(List.of(), List.of("web.service")),
            Optional.of(report),
            List.of("w"),
            List.of(),
            Optional.empty(),
            Map.of());

    switchLog.switched(r);

    assertEquals(
        List.of(
            "INFO finishing the interrupted switch to generation 6 {MODSVC_GENERATION=6}",
            "INFO restart old.service: done {MODSVC_GENERATION=6, UNIT=old.service}",
            "WARN warning: w {MODSVC_GENERATION=7}",
            "INFO start web.service: done {MODSVC_GENERATION=7, UNIT=web.service}",
            "INFO switched from generation 6 to 7 (0 added, 0 changed, 0 removed; 1 job) {MODSVC_GENERATION=7}"),
        lines());
    assertEquals(
        null, org.slf4j.MDC.get(LogFields.MODSVC_GENERATION), "the MDC is left as it was found");
  }

  @Test
  void nothingToDo_isOneInfoLine() {
    switchLog.switched(
        result(5, 5, files(), plan(List.of(), List.of()), Optional.empty(), List.of()));

    assertEquals(
        List.of("INFO nothing to do: generation 5 is current {MODSVC_GENERATION=5}"), lines());
  }

  @Test
  void evaluationError_carriesTheModulesFileAndLine_andTheGenerationThatKeepsRunning()
      throws Exception {
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path modules = Files.createDirectories(tmp.resolve("modules"));
    Files.writeString(
        modules.resolve("web.nix"),
        "{ lib, ... }:\n{\n  config = builtins.throw \"bad\" + 1;\n}\n");
    ModuleConfiguration configuration =
        new ModuleConfiguration(
            new ModuleConfiguration.Settings(
                modules,
                List.of(),
                Map.of("PATH", "/usr/bin:/bin", "HOME", "/root"),
                "test",
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                false));
    BuildException failure =
        assertThrows(
            BuildException.class,
            () -> configuration.evaluateOnly(Layout.system(tmp.resolve("root"))));
    SwitchException stopped =
        new SwitchException(
            ExitCode.CONFIGURATION, failure.getMessage() + "\nnothing was changed", failure);

    switchLog.stopped(stopped, 11);

    ILoggingEvent e = events.list.get(0);
    assertEquals(Level.ERROR, e.getLevel());
    Map<String, String> mdc = e.getMDCPropertyMap();
    assertTrue(mdc.get(LogFields.CODE_FILE).endsWith("web.nix"), mdc.toString());
    assertEquals("3", mdc.get(LogFields.CODE_LINE), mdc.toString());
    assertEquals("11", mdc.get(LogFields.MODSVC_GENERATION));
    assertTrue(
        e.getFormattedMessage()
            .startsWith("evaluation error in " + mdc.get(LogFields.CODE_FILE) + ":3:"),
        e.getFormattedMessage());
    assertTrue(
        e.getFormattedMessage().contains("generation 11 keeps running: "), e.getFormattedMessage());
    assertTrue(e.getFormattedMessage().contains("bad"), e.getFormattedMessage());
    assertEquals(1, events.list.size());
  }

  @Test
  void failedAssertions_andOtherStops_areErrorsWithoutCodeFields() {
    switchLog.stopped(
        new SwitchException(
            ExitCode.CONFIGURATION, "x", new FailedAssertions(List.of("port must be set"))),
        2);
    switchLog.stopped(
        new SwitchException(ExitCode.FATAL, "I/O error: /etc/x: permission denied (EACCES)", null),
        0);

    assertEquals(
        List.of(
            "ERROR Failed assertions:\n- port must be set; generation 2 keeps running {MODSVC_GENERATION=2}",
            "ERROR switch failed; nothing is running: I/O error: /etc/x: permission denied (EACCES) "
                + "{MODSVC_GENERATION=0}"),
        lines());
  }
}
