package org.modsvc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.modsvc.it.Sandbox.Scope;
import org.modsvc.switcher.plan.PhasePlan;
import org.modsvc.switcher.systemd.JobKind;
import org.modsvc.switcher.systemd.JobOutcome;
import org.modsvc.switcher.systemd.JobStatus;
import org.modsvc.switcher.systemd.PhaseExecutor;
import org.modsvc.switcher.systemd.SwitchReport;
import org.modsvc.switcher.systemd.SystemdClient;
import org.modsvc.switcher.systemd.UnitFailure;
import org.modsvc.switcher.systemd.UnitState;
import org.modsvc.switcher.systemd.UnitSummary;
import org.modsvc.switcher.unit.UnitName;

/**
 * SystemdClient and PhaseExecutor against the real system manager and the lingering user's manager
 * in the sandbox; every assertion reads systemd's own state (properties, journal, files its
 * services wrote).
 */
class ManagerJobsTest {
  private final String id = UUID.randomUUID().toString().substring(0, 8);
  private SystemdClient client;

  private SystemdClient client(Scope scope) {
    client = SystemdClient.connect(Sandbox.get().bus(scope));
    return client;
  }

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
  }

  private String unit(String role) {
    return "it-" + role + "-" + id + ".service";
  }

  private static String sleeper(String extra) {
    return "[Service]\nExecStart=/bin/sleep infinity\n" + extra;
  }

  private String writeAndReload(Scope scope, String role, String content) throws IOException {
    String name = unit(role);
    Sandbox.get().writeUnit(scope, name, content);
    client.daemonReload();
    return name;
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void startJob_makesNewUnitActiveWithMainPid_whenItsFileWasJustWritten(Scope scope)
      throws IOException {
    SystemdClient c = client(scope);
    String name = writeAndReload(scope, "start", sleeper(""));

    JobOutcome outcome = c.runJob(JobKind.START, name);

    assertEquals(JobStatus.DONE, outcome.status(), outcome.describe());
    UnitState state = c.unitState(name);
    assertEquals("active", state.activeState());
    assertEquals("running", state.subState());
    assertTrue(state.mainPid().orElse(0) > 0, "MainPID " + state.mainPid());
    c.runJob(JobKind.STOP, name);
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void listUnits_reportsStartedUnitAsActiveRunning(Scope scope) throws IOException {
    SystemdClient c = client(scope);
    String name = writeAndReload(scope, "list", sleeper(""));
    c.runJob(JobKind.START, name);

    UnitSummary listed =
        c.listUnits().stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow();

    assertEquals(
        List.of("loaded", "active", "running"),
        List.of(listed.loadState(), listed.activeState(), listed.subState()));
    c.runJob(JobKind.STOP, name);
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void restartJob_givesServiceNewMainPid_whenItRuns(Scope scope) throws IOException {
    SystemdClient c = client(scope);
    String name = writeAndReload(scope, "restart", sleeper(""));
    c.runJob(JobKind.START, name);
    long before = c.unitState(name).mainPid().orElseThrow();

    JobOutcome outcome = c.runJob(JobKind.RESTART, name);

    assertEquals(JobStatus.DONE, outcome.status(), outcome.describe());
    UnitState after = c.unitState(name);
    assertEquals("active", after.activeState());
    assertNotEquals(before, after.mainPid().orElseThrow());
    c.runJob(JobKind.STOP, name);
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void reloadJob_keepsMainPidAndRunsExecReload_whenServiceRuns(Scope scope) throws IOException {
    SystemdClient c = client(scope);
    String marker = Sandbox.get().scratchDir(scope) + "/reloaded-" + id;
    String name =
        writeAndReload(
            scope, "reload", sleeper("ExecReload=/bin/sh -c 'echo reloaded >> " + marker + "'\n"));
    c.runJob(JobKind.START, name);
    long before = c.unitState(name).mainPid().orElseThrow();

    JobOutcome outcome = c.runJob(JobKind.RELOAD, name);

    assertEquals(JobStatus.DONE, outcome.status(), outcome.describe());
    assertEquals(before, c.unitState(name).mainPid().orElseThrow());
    assertEquals(List.of("reloaded"), Files.readAllLines(Sandbox.get().hostPath(marker)));
    c.runJob(JobKind.STOP, name);
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void stopJob_leavesServiceInactiveWithoutMainPid_whenItRan(Scope scope) throws IOException {
    SystemdClient c = client(scope);
    String name = writeAndReload(scope, "stop", sleeper(""));
    c.runJob(JobKind.START, name);

    JobOutcome outcome = c.runJob(JobKind.STOP, name);

    assertEquals(JobStatus.DONE, outcome.status(), outcome.describe());
    UnitState state = c.unitState(name);
    assertEquals("inactive", state.activeState());
    assertTrue(state.mainPid().isEmpty(), "MainPID " + state.mainPid());
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void failingStart_isReportedFailedWithItsJournalTail_whenExecStartExitsNonZero(Scope scope)
      throws IOException {
    SystemdClient c = client(scope);
    // The sleep: journald attributes a stream to a *user* unit by reading the writer's cgroup from
    // /proc, which
    // fails when the writer has already exited (system units are attributed by PID 1's stream
    // header instead).
    String name =
        writeAndReload(
            scope,
            "fail",
            "[Service]\nType=oneshot\nExecStart=/bin/sh -c 'echo boom-"
                + id
                + "; sleep 1; exit 3'\n");
    PhaseExecutor executor = new PhaseExecutor(c, Sandbox.get().journal(scope));

    SwitchReport report =
        executor.execute(
            new PhasePlan(
                List.of(), List.of(), List.of(), List.of(UnitName.of(name)), List.of(), true),
            () -> false);

    assertEquals(1, report.failures().size(), report.toString());
    UnitFailure failure = report.failures().get(0);
    assertEquals(name, failure.outcome().unit());
    assertEquals(JobStatus.FAILED, failure.outcome().status());
    assertTrue(
        failure.journal().stream().anyMatch(l -> l.contains("boom-" + id)),
        failure.journal().toString());
    UnitState state = c.unitState(name);
    assertEquals("failed", state.activeState());
    assertEquals(3, state.execMainStatus().orElseThrow());
    c.resetFailed(UnitName.of(name));
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void startJob_isRejectedAsNoSuchUnit_whenNoFileExists(Scope scope) {
    SystemdClient c = client(scope);

    JobOutcome outcome = c.runJob(JobKind.START, unit("missing"));

    assertEquals(JobStatus.REJECTED, outcome.status());
    assertTrue(outcome.detail().contains("no such unit"), outcome.detail());
    assertEquals("not-found", c.unitState(unit("missing")).loadState());
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void phaseExecutor_runsStopFilesReloadRestartStartInOrder_whenEveryPhaseHasAUnit(Scope scope)
      throws IOException {
    SystemdClient c = client(scope);
    Sandbox sandbox = Sandbox.get();
    String log = sandbox.scratchDir(scope) + "/order-" + id;
    Path hostLog = sandbox.hostPath(log);
    String append = "/bin/sh -c 'echo %s >> " + log + "'";
    String stopped =
        writeAndReload(scope, "p-stop", sleeper("ExecStop=" + append.formatted("stop") + "\n"));
    String reloaded =
        writeAndReload(
            scope, "p-reload", sleeper("ExecReload=" + append.formatted("reload") + "\n"));
    String restarted =
        writeAndReload(
            scope,
            "p-restart",
            sleeper("ExecStartPost=" + append.formatted("started-restart-unit") + "\n"));
    for (String u : List.of(stopped, reloaded, restarted)) {
      assertEquals(JobStatus.DONE, c.runJob(JobKind.START, u).status());
    }
    Files.deleteIfExists(hostLog);
    String started = unit("p-start");
    PhasePlan plan =
        new PhasePlan(
            List.of(UnitName.of(stopped)),
            List.of(UnitName.of(reloaded)),
            List.of(UnitName.of(restarted)),
            List.of(UnitName.of(started)),
            List.of(),
            true);

    // The start unit's file only appears in the callback: starting it proves the daemon-reload came
    // after it.
    SwitchReport report =
        new PhaseExecutor(c, sandbox.journal(scope))
            .execute(
                plan,
                () -> {
                  Files.writeString(
                      hostLog,
                      "files\n",
                      java.nio.file.StandardOpenOption.CREATE,
                      java.nio.file.StandardOpenOption.APPEND);
                  sandbox.writeUnit(
                      scope,
                      started,
                      "[Service]\nType=oneshot\nExecStart=" + append.formatted("start") + "\n");
                  return true;
                });

    assertTrue(report.failures().isEmpty(), report.toString());
    assertEquals(
        List.of("stop", "files", "reload", "started-restart-unit", "start"),
        Files.readAllLines(hostLog));
    assertEquals("inactive", c.unitState(stopped).activeState());
    for (String u : List.of(reloaded, restarted)) {
      c.runJob(JobKind.STOP, u);
    }
  }
}
