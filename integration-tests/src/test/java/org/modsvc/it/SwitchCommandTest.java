package org.modsvc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.modsvc.it.Sandbox.Scope;
import org.modsvc.switcher.systemd.UnitState;

/**
 * {@code modsvc-agent switch} running inside the container against the real system manager and the
 * lingering user's manager; every assertion reads systemd's own state (ActiveState, MainPID, the
 * process's argv) or the files on disk.
 */
class SwitchCommandTest {
  private final String id = UUID.randomUUID().toString().substring(0, 8);
  private final UnitStates units = new UnitStates();

  @AfterEach
  void close() {
    units.close();
  }

  private UnitState state(Scope scope, String unit) {
    return units.of(scope, unit);
  }

  private long pid(Scope scope, String unit) {
    return state(scope, unit)
        .mainPid()
        .orElseThrow(() -> new AssertionError(unit + " has no MainPID"));
  }

  private String unit(String role) {
    return "sw-" + role + "-" + id + ".service";
  }

  private static String target(Scope scope) {
    return scope == Scope.SYSTEM ? "multi-user.target" : "default.target";
  }

  private static String service(Scope scope, String unitExtra, String serviceExtra) {
    return "[Unit]\n"
        + unitExtra
        + "[Service]\n"
        + serviceExtra
        + "\n[Install]\nWantedBy="
        + target(scope)
        + "\n";
  }

  private static String sleeper(Scope scope, String arg) {
    return service(scope, "", "ExecStart=/bin/sleep " + arg);
  }

  private static void ok(Sandbox.ExecResult r) {
    assertEquals(0, r.exitCode(), r.output());
  }

  private String argv(long pid) throws Exception {
    return Sandbox.get()
        .exec("cat", "/proc/" + pid + "/cmdline")
        .output()
        .replace('\0', ' ')
        .strip();
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void newService_isStarted_andItsFilesWritten(Scope scope) throws Exception {
    SwitchAgent agent = new SwitchAgent(scope);
    var dir = agent.unitsDir("new-" + id).write(unit("a"), sleeper(scope, "1001"));

    var result = agent.run("switch", "--units", dir.inContainer());

    ok(result);
    assertEquals("active", state(scope, unit("a")).activeState(), result.output());
    assertTrue(Files.isRegularFile(agent.liveUnitDir().resolve(unit("a"))));
    assertTrue(
        Files.isSymbolicLink(agent.liveUnitDir().resolve(target(scope) + ".wants/" + unit("a"))));
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void changedExecStart_stopsAndStarts_withNewPid(Scope scope) throws Exception {
    SwitchAgent agent = new SwitchAgent(scope);
    var dir = agent.unitsDir("argv-" + id).write(unit("a"), sleeper(scope, "1001"));
    ok(agent.run("switch", "--units", dir.inContainer()));
    long before = pid(scope, unit("a"));

    dir.write(unit("a"), sleeper(scope, "1002"));
    var result = agent.run("switch", "--units", dir.inContainer());

    ok(result);
    long after = pid(scope, unit("a"));
    assertNotEquals(before, after);
    assertEquals("/bin/sleep 1002", argv(after));
    assertTrue(
        result.output().contains("stop the following units: " + unit("a"))
            || result.output().contains("stopping the following units: " + unit("a")),
        result.output());
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void switchMethodReload_andReloadIfChanged_reload_keepingThePid(Scope scope) throws Exception {
    SwitchAgent agent = new SwitchAgent(scope);
    String marker = Sandbox.get().scratchDir(scope) + "/reloads-" + id;
    String reload = "ExecReload=/bin/sh -c 'echo $$U >> " + marker + "'\n";
    var dir =
        agent
            .unitsDir("reload-" + id)
            .write(
                unit("m"),
                service(
                    scope,
                    "X-SwitchMethod=reload\n",
                    "ExecStart=/bin/sleep 1001\n" + reload.replace("$$U", "m") + "Environment=V=1"))
            .write(
                unit("r"),
                service(
                    scope,
                    "",
                    "X-ReloadIfChanged=true\nExecStart=/bin/sleep 1001\n"
                        + reload.replace("$$U", "r")
                        + "Environment=V=1"));
    ok(agent.run("switch", "--units", dir.inContainer()));
    long m = pid(scope, unit("m"));
    long r = pid(scope, unit("r"));

    dir.write(
            unit("m"),
            service(
                scope,
                "X-SwitchMethod=reload\n",
                "ExecStart=/bin/sleep 1001\n" + reload.replace("$$U", "m") + "Environment=V=2"))
        .write(
            unit("r"),
            service(
                scope,
                "",
                "X-ReloadIfChanged=true\nExecStart=/bin/sleep 1001\n"
                    + reload.replace("$$U", "r")
                    + "Environment=V=2"));
    var result = agent.run("switch", "--units", dir.inContainer());

    ok(result);
    assertEquals(m, pid(scope, unit("m")), result.output());
    assertEquals(r, pid(scope, unit("r")), result.output());
    List<String> reloads =
        Files.readAllLines(Sandbox.get().hostPath(marker), StandardCharsets.UTF_8);
    assertEquals(List.of("m", "r"), reloads.stream().sorted().toList(), result.output());
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void restartIfChangedFalse_andKeepOld_leaveTheRunningProcessAlone(Scope scope) throws Exception {
    SwitchAgent agent = new SwitchAgent(scope);
    var dir =
        agent
            .unitsDir("keep-" + id)
            .write(
                unit("n"),
                service(scope, "", "X-RestartIfChanged=false\nExecStart=/bin/sleep 1001"))
            .write(
                unit("k"),
                service(scope, "X-SwitchMethod=keep-old\n", "ExecStart=/bin/sleep 1001"));
    ok(agent.run("switch", "--units", dir.inContainer()));
    long n = pid(scope, unit("n"));
    long k = pid(scope, unit("k"));

    dir.write(unit("n"), service(scope, "", "X-RestartIfChanged=false\nExecStart=/bin/sleep 1002"))
        .write(unit("k"), service(scope, "X-SwitchMethod=keep-old\n", "ExecStart=/bin/sleep 1002"));
    var result = agent.run("switch", "--units", dir.inContainer());

    ok(result);
    assertEquals(n, pid(scope, unit("n")), result.output());
    assertEquals(k, pid(scope, unit("k")), result.output());
    assertEquals("/bin/sleep 1001", argv(n));
    assertTrue(
        Files.readString(agent.liveUnitDir().resolve(unit("n"))).contains("sleep 1002"),
        "new file on disk");
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void removedService_isStopped_andItsFilesAreGone(Scope scope) throws Exception {
    SwitchAgent agent = new SwitchAgent(scope);
    var dir =
        agent
            .unitsDir("removed-" + id)
            .write(unit("a"), sleeper(scope, "1001"))
            .write(unit("b"), sleeper(scope, "1001"));
    ok(agent.run("switch", "--units", dir.inContainer()));

    dir.delete(unit("b"));
    var result = agent.run("switch", "--units", dir.inContainer());

    ok(result);
    assertEquals("active", state(scope, unit("a")).activeState());
    assertFalse(state(scope, unit("b")).isActive(), result.output());
    assertFalse(Files.exists(agent.liveUnitDir().resolve(unit("b"))));
    assertFalse(
        Files.exists(
            agent.liveUnitDir().resolve(target(scope) + ".wants/" + unit("b")),
            java.nio.file.LinkOption.NOFOLLOW_LINKS));
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void failingStart_exits4_namingTheUnit_whileOthersStillSwitch(Scope scope) throws Exception {
    SwitchAgent agent = new SwitchAgent(scope);
    var dir =
        agent
            .unitsDir("fail-" + id)
            .write(unit("bad"), service(scope, "", "Type=oneshot\nExecStart=/bin/false"))
            .write(unit("good"), sleeper(scope, "1001"));

    var result = agent.run("switch", "--units", dir.inContainer());

    assertEquals(4, result.exitCode(), result.output());
    assertTrue(result.output().contains("error: Failed to start " + unit("bad")), result.output());
    assertEquals("active", state(scope, unit("good")).activeState());
    assertTrue(Files.isRegularFile(agent.liveUnitDir().resolve(unit("bad"))));
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void crashLoopingService_isReportedFailed_exit4_andOnceFixedASwitchStartsIt(Scope scope)
      throws Exception {
    SwitchAgent agent = new SwitchAgent(scope);
    var dir =
        agent
            .unitsDir("loop-" + id)
            .write(
                unit("loop"),
                service(
                    scope,
                    "",
                    "ExecStart=/bin/sh -c 'echo crashing-"
                        + id
                        + "; exit 3'\nRestart=always\nRestartSec=300ms"));

    var result = agent.run("switch", "--units", dir.inContainer());

    assertEquals(4, result.exitCode(), result.output());
    assertTrue(
        result
            .output()
            .contains(
                "error: Failed to start " + unit("loop") + ": unhealthy (restarted by systemd"),
        result.output());
    if (scope == Scope.SYSTEM) { // the lingering user may not read the journal in the container
      assertTrue(result.output().contains("crashing-" + id), "journal tail in\n" + result.output());
    }
    assertTrue(
        result.output().contains("modsvc: start " + unit("loop") + " … done "), result.output());

    dir.write(unit("loop"), sleeper(scope, "1001"));
    var fixed = agent.run("switch", "--units", dir.inContainer());

    ok(fixed);
    assertEquals("active", state(scope, unit("loop")).activeState(), fixed.output());
    assertEquals("/bin/sleep 1001", argv(pid(scope, unit("loop"))));
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void simpleServiceWithAMissingProgram_isReportedFailed_exit4_andOnceFixedASwitchStartsIt(
      Scope scope) throws Exception {
    SwitchAgent agent = new SwitchAgent(scope);
    var dir =
        agent
            .unitsDir("missing-" + id)
            .write(
                unit("gone"),
                service(scope, "", "Type=simple\nExecStart=/nonexistent/program-" + id));

    var result = agent.run("switch", "--units", dir.inContainer());

    assertEquals(4, result.exitCode(), result.output());
    assertTrue(
        result.output().contains("error: Failed to start " + unit("gone") + ": unhealthy (failed"),
        result.output());
    assertEquals("failed", state(scope, unit("gone")).activeState());

    dir.write(unit("gone"), sleeper(scope, "1001"));
    var fixed = agent.run("switch", "--units", dir.inContainer());

    ok(fixed);
    assertTrue(fixed.output().contains(unit("gone")), fixed.output());
    assertEquals("active", state(scope, unit("gone")).activeState(), fixed.output());
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void settleZero_reportsTheJobOnly(Scope scope) throws Exception {
    SwitchAgent agent = new SwitchAgent(scope);
    var dir =
        agent
            .unitsDir("nosettle-" + id)
            .write(
                unit("gone"),
                service(scope, "", "Type=simple\nExecStart=/nonexistent/program-" + id));

    var result = agent.run("switch", "--settle", "0", "--units", dir.inContainer());

    ok(result);
    assertFalse(result.output().contains("watching"), result.output());
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void rollback_bringsBackThePreviousFilesAndProcesses(Scope scope) throws Exception {
    SwitchAgent agent = new SwitchAgent(scope);
    var dir = agent.unitsDir("rollback-" + id).write(unit("a"), sleeper(scope, "1001"));
    ok(agent.run("switch", "--units", dir.inContainer()));
    dir.write(unit("a"), sleeper(scope, "1002")).write(unit("extra"), sleeper(scope, "1002"));
    ok(agent.run("switch", "--units", dir.inContainer()));

    var result = agent.run("rollback");

    ok(result);
    assertEquals("/bin/sleep 1001", argv(pid(scope, unit("a"))), result.output());
    assertTrue(Files.readString(agent.liveUnitDir().resolve(unit("a"))).contains("sleep 1001"));
    assertFalse(state(scope, unit("extra")).isActive());
    assertFalse(Files.exists(agent.liveUnitDir().resolve(unit("extra"))));
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void unmanagedFileInTheWay_isAClearError_andNothingChanges(Scope scope) throws Exception {
    SwitchAgent agent = new SwitchAgent(scope);
    Sandbox.get().writeUnit(scope, unit("mine"), "[Service]\nExecStart=/bin/sleep 7\n");
    var dir =
        agent
            .unitsDir("conflict-" + id)
            .write(unit("mine"), sleeper(scope, "1001"))
            .write(unit("other"), sleeper(scope, "1001"));
    String generationsBefore = agent.run("generations").output();

    var result = agent.run("switch", "--units", dir.inContainer());

    try {
      assertEquals(1, result.exitCode(), result.output());
      assertTrue(
          result.output().contains(unit("mine")) && result.output().contains("nothing was changed"),
          result.output());
      assertEquals(
          "[Service]\nExecStart=/bin/sleep 7\n",
          Files.readString(agent.liveUnitDir().resolve(unit("mine"))));
      assertFalse(Files.exists(agent.liveUnitDir().resolve(unit("other"))));
      assertFalse(state(scope, unit("other")).isActive());
      assertEquals(generationsBefore, agent.run("generations").output());
    } finally {
      Sandbox.get().deleteUnit(scope, unit("mine"));
    }
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void killedAfterTheStopPhase_nextSwitchConverges(Scope scope) throws Exception {
    killedAt(scope, "stop done");
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void killedWhileWritingFiles_nextSwitchConverges(Scope scope) throws Exception {
    killedAt(scope, "write ");
  }

  private void killedAt(Scope scope, String step) throws Exception {
    SwitchAgent agent = new SwitchAgent(scope);
    var dir =
        agent
            .unitsDir("crash-" + id)
            .write(unit("a"), sleeper(scope, "1001"))
            .write(unit("gone"), sleeper(scope, "1001"));
    ok(agent.run("switch", "--units", dir.inContainer()));
    long before = pid(scope, unit("a"));
    dir.write(unit("a"), sleeper(scope, "1002"))
        .delete(unit("gone"))
        .write(unit("new"), sleeper(scope, "1002"));

    String killed = agent.killAt(step, "switch", "--units", dir.inContainer());
    var result = agent.run("switch", "--units", dir.inContainer());

    ok(result);
    assertTrue(
        result.output().contains("finishing the interrupted switch"),
        killed + "\n---\n" + result.output());
    long after = pid(scope, unit("a"));
    assertNotEquals(before, after);
    assertEquals("/bin/sleep 1002", argv(after));
    assertEquals("active", state(scope, unit("new")).activeState(), result.output());
    assertFalse(state(scope, unit("gone")).isActive(), result.output());
    assertFalse(Files.exists(agent.liveUnitDir().resolve(unit("gone"))));
    var again = agent.run("switch", "--units", dir.inContainer());
    ok(again);
    assertTrue(again.output().contains("nothing to do"), again.output());
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void twoConcurrentSwitches_runOneAfterTheOther(Scope scope) throws Exception {
    SwitchAgent agent = new SwitchAgent(scope);
    var first =
        agent
            .unitsDir("first-" + id)
            .write(
                unit("slow"),
                service(scope, "", "ExecStartPre=/bin/sleep 3\nExecStart=/bin/sleep 1001"));
    var second = agent.unitsDir("second-" + id).write(unit("quick"), sleeper(scope, "1001"));

    Process a = agent.start(List.of(), "switch", "--units", first.inContainer());
    // The second switch starts once the first holds the lock and is in its start phase (its
    // ExecStartPre keeps it
    // there for 3 s), not after a guessed pause.
    var aReader =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(a.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder aSeen = new StringBuilder();
    String line;
    while ((line = aReader.readLine()) != null) {
      aSeen.append(line).append('\n');
      if (line.startsWith("modsvc: start phase: ")) break;
    }
    assertTrue(line != null, "the first switch never reached its start phase:\n" + aSeen);
    var b = agent.run("switch", "--units", second.inContainer());
    var aRest = new java.io.StringWriter();
    aReader.transferTo(aRest);
    String aOut = aSeen + aRest.toString();

    assertEquals(0, a.waitFor(), aOut);
    ok(b);
    assertTrue(b.output().contains("waiting for the switch lock"), b.output());
    // the second ran after the first had finished: its plan removed the first's unit
    assertFalse(state(scope, unit("slow")).isActive(), b.output());
    assertEquals("active", state(scope, unit("quick")).activeState());
    assertTrue(aOut.contains("start " + unit("slow") + ": done"), aOut);
  }
}
