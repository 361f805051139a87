package org.modsvc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.modsvc.it.ServiceFixture.ok;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.modsvc.it.Sandbox.Scope;
import org.modsvc.switcher.systemd.UnitState;

/**
 * {@code modsvc-agent switch --modules DIR} from Nix module files ({@code system.services.<n>} as
 * root, {@code home.services.<n>} with {@code --user}), inside the container against the real
 * managers. Every assertion reads systemd's state, the files on disk, or what the service itself
 * wrote: the test services are shell loops that log {@code start <config>} when they start and
 * {@code reload <config>} on SIGHUP, reading their configData file through the path the module
 * system gave it.
 */
class ModuleSwitchTest {
  private final ServiceFixture services = new ServiceFixture("ms");

  @AfterEach
  void close() {
    services.close();
  }

  private static Sandbox.ExecResult switchTo(SwitchAgent agent, SwitchAgent.UnitsDir modules)
      throws Exception {
    return agent.run("switch", "--modules", modules.inContainer());
  }

  // ---- the tests ----

  @ParameterizedTest
  @EnumSource(Scope.class)
  void moduleService_isStarted_withItsUnitFileWantsLinkAndConfigData(Scope scope) throws Exception {
    SwitchAgent agent = new SwitchAgent(scope);
    var dir =
        agent
            .modulesDir("new-" + services.id())
            .write("svc.nix", services.module(scope, "a", services.v(1), ""));

    var result = switchTo(agent, dir);

    ok(result);
    UnitState s = services.state(scope, "a");
    assertEquals("active", s.activeState(), result.output());
    assertTrue(s.mainPid().orElse(0) > 0, "MainPID " + s.mainPid());
    assertTrue(Files.isRegularFile(services.unitFile(agent, "a")));
    assertTrue(Files.isSymbolicLink(services.wantsLink(agent, scope, "a")));
    assertEquals(services.v(1), services.configInContainer(scope, "a"));
    assertEquals(
        List.of("start " + services.v(1)), services.awaitLog("a", "start " + services.v(1)));
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void configDataChange_withReloadSignal_reloadsKeepingThePid_andTheNewContentIsVisible(Scope scope)
      throws Exception {
    SwitchAgent agent = new SwitchAgent(scope);
    var dir =
        agent
            .modulesDir("reload-" + services.id())
            .write(
                "svc.nix",
                services.module(scope, "r", services.v(1), "process.reloadSignal = \"HUP\";"));
    ok(switchTo(agent, dir));
    long before = services.pid(scope, "r");

    dir.write(
        "svc.nix", services.module(scope, "r", services.v(2), "process.reloadSignal = \"HUP\";"));
    var result = switchTo(agent, dir);

    ok(result);
    assertTrue(
        result
            .output()
            .contains("reloading the following units: " + services.name("r") + ".service"),
        result.output());
    assertEquals(before, services.pid(scope, "r"), result.output());
    assertEquals("active", services.state(scope, "r").activeState());
    assertEquals(services.v(2), services.configInContainer(scope, "r"));
    assertEquals(
        List.of("start " + services.v(1), "reload " + services.v(2)),
        services.awaitLog("r", "reload " + services.v(2)),
        result.output());
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void configDataChange_withoutExecReload_restartsWithANewPid_andTheNewContentIsVisible(Scope scope)
      throws Exception {
    SwitchAgent agent = new SwitchAgent(scope);
    var dir =
        agent
            .modulesDir("restart-" + services.id())
            .write("svc.nix", services.module(scope, "s", services.v(1), ""));
    ok(switchTo(agent, dir));
    long before = services.pid(scope, "s");

    dir.write("svc.nix", services.module(scope, "s", services.v(2), ""));
    var result = switchTo(agent, dir);

    ok(result);
    assertNotEquals(before, services.pid(scope, "s"), result.output());
    assertEquals("active", services.state(scope, "s").activeState());
    assertEquals(services.v(2), services.configInContainer(scope, "s"));
    assertEquals(
        List.of("start " + services.v(1), "start " + services.v(2)),
        services.awaitLog("s", "start " + services.v(2)),
        result.output());
  }

  /** The {@code --json} report in a run's output (progress lines on stderr come before it). */
  @SuppressWarnings("unchecked")
  private static java.util.Map<String, Object> jsonReport(Sandbox.ExecResult r) {
    int start = r.output().indexOf("{\n  \"dryRun\"");
    assertTrue(start >= 0, r.output());
    return (java.util.Map<String, Object>)
        org.modsvc.nix.format.JsonParser.parse(r.output().substring(start));
  }

  @SuppressWarnings("unchecked")
  private static Object reloadCalls(java.util.Map<String, Object> report) {
    return ((java.util.Map<String, Object>) report.get("dbusCalls")).get("Reload");
  }

  /**
   * The executor obeys the plan's daemon-reload decision (docs/decisions.md §6): a switch that
   * changes no unit file (a configData change with the triggers turned off) makes no {@code Reload}
   * call over D-Bus, and one that changes a unit file makes exactly one.
   */
  @ParameterizedTest
  @EnumSource(Scope.class)
  void switchChangingNoUnitFile_makesNoDaemonReload_andOneChangingAUnitMakesOne(Scope scope)
      throws Exception {
    SwitchAgent agent = new SwitchAgent(scope);
    var dir =
        agent
            .modulesDir("noreload-" + services.id())
            .write("svc.nix", services.module(scope, "n", services.v(1), ""))
            .write("opts.nix", "{ ... }: { modsvc.configDataTriggers = false; }\n");
    ok(switchTo(agent, dir));
    long before = services.pid(scope, "n");
    String unitText = Files.readString(services.unitFile(agent, "n"));

    dir.write("svc.nix", services.module(scope, "n", services.v(2), ""));
    var configOnly = agent.run("switch", "--json", "--modules", dir.inContainer());

    ok(configOnly);
    var report = jsonReport(configOnly);
    assertEquals(unitText, Files.readString(services.unitFile(agent, "n")), "no unit file changed");
    assertEquals(services.v(2), services.configInContainer(scope, "n"));
    assertNotEquals(report.get("from"), report.get("to"), configOnly.output());
    assertEquals(
        false, ((java.util.Map<?, ?>) report.get("plan")).get("daemonReload"), configOnly.output());
    assertEquals(null, reloadCalls(report), configOnly.output());
    assertEquals(before, services.pid(scope, "n"), "nothing to restart: " + configOnly.output());

    dir.write(
        "svc.nix", services.module(scope, "n", services.v(2), "process.reloadSignal = \"HUP\";"));
    var unitChange = agent.run("switch", "--json", "--modules", dir.inContainer());

    ok(unitChange);
    assertEquals(
        1L, ((Number) reloadCalls(jsonReport(unitChange))).longValue(), unitChange.output());
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void diff_showsAConfigDataChangeAsTheContentDiffUnderTheLinkPath(Scope scope) throws Exception {
    SwitchAgent agent = new SwitchAgent(scope);
    var dir =
        agent
            .modulesDir("diff-" + services.id())
            .write("svc.nix", services.module(scope, "d", services.v(1), ""));
    ok(switchTo(agent, dir));

    dir.write("svc.nix", services.module(scope, "d", services.v(2), ""));
    var result = agent.run("diff", "--modules", dir.inContainer());

    ok(result);
    String link = services.configDataDir(scope, "d") + "/app.conf";
    assertTrue(
        result.output().contains("--- old" + link + " (content)\n+++ new" + link + " (content)\n"),
        result.output());
    assertTrue(
        result.output().contains("\n-" + services.v(1) + "\n+" + services.v(2) + "\n"),
        result.output());
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void restartIfChangedFalse_andKeepOld_leaveTheRunningProcessesAlone(Scope scope)
      throws Exception {
    SwitchAgent agent = new SwitchAgent(scope);
    String noRestart = "systemd.service.restartIfChanged = false;";
    String keepOld = "systemd.service.unitConfig.X-SwitchMethod = \"keep-old\";";
    var dir =
        agent
            .modulesDir("keep-" + services.id())
            .write("n.nix", services.module(scope, "n", services.v(1), noRestart))
            .write("k.nix", services.module(scope, "k", services.v(1), keepOld));
    ok(switchTo(agent, dir));
    long n = services.pid(scope, "n");
    long k = services.pid(scope, "k");

    dir.write("n.nix", services.module(scope, "n", services.v(2), noRestart))
        .write("k.nix", services.module(scope, "k", services.v(2), keepOld));
    var result = switchTo(agent, dir);

    ok(result);
    assertEquals(n, services.pid(scope, "n"), result.output());
    assertEquals(k, services.pid(scope, "k"), result.output());
    assertEquals(
        List.of("start " + services.v(1)), services.awaitLog("n", "start " + services.v(1)));
    assertEquals(
        List.of("start " + services.v(1)), services.awaitLog("k", "start " + services.v(1)));
    // the files did switch: only the processes were left alone
    assertEquals(services.v(2), services.configInContainer(scope, "n"));
    assertEquals(services.v(2), services.configInContainer(scope, "k"));
    assertTrue(Files.readString(services.unitFile(agent, "k")).contains("X-SwitchMethod=keep-old"));
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void failingAssertion_exits2_andNothingChanges(Scope scope) throws Exception {
    SwitchAgent agent = new SwitchAgent(scope);
    var dir =
        agent
            .modulesDir("assert-" + services.id())
            .write("svc.nix", services.module(scope, "a", services.v(1), ""));
    ok(switchTo(agent, dir));
    long before = services.pid(scope, "a");
    String unitBefore = Files.readString(services.unitFile(agent, "a"));
    String generationsBefore = agent.run("generations").output();

    dir.write(
        "svc.nix",
        services.module(
            scope,
            "a",
            services.v(2),
            "assertions = [ { assertion = false; message = \"refused "
                + services.id()
                + "\"; } ];"));
    var result = switchTo(agent, dir);

    assertEquals(2, result.exitCode(), result.output());
    assertTrue(
        result
            .output()
            .contains(
                "Failed assertions:\n- in "
                    + services.servicesOption(scope)
                    + "."
                    + services.name("a")
                    + ": refused "
                    + services.id()),
        result.output());
    assertTrue(result.output().contains("nothing was changed"), result.output());
    assertEquals(before, services.pid(scope, "a"));
    assertEquals(unitBefore, Files.readString(services.unitFile(agent, "a")));
    assertEquals(services.v(1), services.configInContainer(scope, "a"));
    assertEquals(generationsBefore, agent.run("generations").output());
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void syntaxError_exits2_namingFileLineAndColumn_andNothingChanges(Scope scope) throws Exception {
    SwitchAgent agent = new SwitchAgent(scope);
    var dir =
        agent
            .modulesDir("syntax-" + services.id())
            .write("svc.nix", services.module(scope, "a", services.v(1), ""));
    ok(switchTo(agent, dir));
    long before = services.pid(scope, "a");
    String generationsBefore = agent.run("generations").output();

    dir.write("svc.nix", services.module(scope, "a", services.v(2), ""))
        .write("zz-broken.nix", "{\n  services.x = ;\n}\n");
    var result = switchTo(agent, dir);

    assertEquals(2, result.exitCode(), result.output());
    assertTrue(result.output().contains("error: syntax error"), result.output());
    assertTrue(
        result.output().contains(dir.inContainer() + "/zz-broken.nix:2:16"), result.output());
    assertEquals(before, services.pid(scope, "a"));
    assertEquals(services.v(1), services.configInContainer(scope, "a"));
    assertEquals(generationsBefore, agent.run("generations").output());
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void removedModuleFile_stopsItsService_andItsFilesAreGone(Scope scope) throws Exception {
    SwitchAgent agent = new SwitchAgent(scope);
    var dir =
        agent
            .modulesDir("removed-" + services.id())
            .write("a.nix", services.module(scope, "a", services.v(1), ""))
            .write("b.nix", services.module(scope, "b", services.v(1), ""));
    ok(switchTo(agent, dir));
    assertEquals("active", services.state(scope, "b").activeState());

    dir.delete("b.nix");
    var result = switchTo(agent, dir);

    ok(result);
    assertEquals("active", services.state(scope, "a").activeState());
    assertFalse(services.state(scope, "b").isActive(), result.output());
    assertFalse(Files.exists(services.unitFile(agent, "b"), LinkOption.NOFOLLOW_LINKS));
    assertFalse(Files.exists(services.wantsLink(agent, scope, "b"), LinkOption.NOFOLLOW_LINKS));
    assertFalse(
        Files.exists(
            Sandbox.get().hostPath(services.configDataDir(scope, "b")), LinkOption.NOFOLLOW_LINKS),
        result.output());
    assertEquals(services.v(1), services.configInContainer(scope, "a"));
  }
}
