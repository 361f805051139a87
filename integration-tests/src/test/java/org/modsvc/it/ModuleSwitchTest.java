package org.modsvc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
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
  private final String id = UUID.randomUUID().toString().substring(0, 8);
  private final UnitStates units = new UnitStates();

  @AfterEach
  void close() {
    units.close();
  }

  // ---- the module files ----

  private String name(String role) {
    return "ms-" + role + "-" + id;
  }

  /**
   * The content of {@code app.conf} in version {@code n}, unique to this test: store entries are
   * content-addressed and shared by generations, so a common text would let an entry kept for an
   * earlier test stand in for this one's.
   */
  private String v(int n) {
    return "v" + n + "-" + id;
  }

  private static String servicesOption(Scope scope) {
    return scope == Scope.SYSTEM ? "system.services" : "home.services";
  }

  private static String target(Scope scope) {
    return scope == Scope.SYSTEM ? "multi-user.target" : "default.target";
  }

  private String marker(String role) {
    return "/var/lib/modsvc-it/log-" + name(role);
  }

  /**
   * A module file defining one modular service named {@code name(role)} whose process logs to its
   * marker file, with a configData file {@code app.conf} holding {@code content}; {@code extra} is
   * more of the service's module body (Nix).
   */
  private String module(Scope scope, String role, String content, String extra) {
    String conf = "${config.configData.\"app.conf\".path}";
    String log = marker(role);
    String script =
        "echo start $(cat "
            + conf
            + ") >> "
            + log
            + "; "
            + "trap 'echo reload $(cat "
            + conf
            + ") >> "
            + log
            + "' HUP; "
            + "while true; do sleep 1 & wait $!; done";
    return "{ pkgs, ... }: {\n"
        + "  "
        + servicesOption(scope)
        + ".\""
        + name(role)
        + "\" = { config, ... }: {\n"
        + "    process.argv = [ pkgs.runtimeShell \"-c\" \""
        + script
        + "\" ];\n"
        + "    configData.\"app.conf\".text = \""
        + content
        + "\";\n"
        + "    "
        + extra
        + "\n"
        + "  };\n"
        + "}\n";
  }

  // ---- systemd's and the container's state ----

  private UnitState state(Scope scope, String role) {
    return units.of(scope, name(role) + ".service");
  }

  private long pid(Scope scope, String role) {
    return state(scope, role)
        .mainPid()
        .orElseThrow(() -> new AssertionError(name(role) + " has no MainPID"));
  }

  /** Where the service's configData lives inside the container (docs/decisions.md §4). */
  private String configDataDir(Scope scope, String role) {
    String root =
        scope == Scope.SYSTEM
            ? "/etc/system-services"
            : "/home/" + Sandbox.get().value("USER") + "/.config/home-services";
    return root + "/" + name(role);
  }

  /** The configData file read inside the container: its link points into the container's store. */
  private String configInContainer(Scope scope, String role) throws Exception {
    Sandbox.ExecResult r = Sandbox.get().exec("cat", configDataDir(scope, role) + "/app.conf");
    assertEquals(0, r.exitCode(), r.output());
    return r.output();
  }

  private Path unitFile(SwitchAgent agent, String role) {
    return agent.liveUnitDir().resolve(name(role) + ".service");
  }

  private Path wantsLink(SwitchAgent agent, Scope scope, String role) {
    return agent.liveUnitDir().resolve(target(scope) + ".wants/" + name(role) + ".service");
  }

  /**
   * The lines the service logged, waiting a little for {@code expected} (a trap runs after the
   * signal).
   */
  private List<String> awaitLog(String role, String expected) throws Exception {
    Path log = Sandbox.get().hostPath(marker(role));
    List<String> lines = List.of();
    for (int i = 0; i < 50; i++) {
      lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
      if (lines.contains(expected)) {
        break;
      }
      Thread.sleep(100);
    }
    return lines;
  }

  private static void ok(Sandbox.ExecResult r) {
    assertEquals(0, r.exitCode(), r.output());
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
    var dir = agent.modulesDir("new-" + id).write("svc.nix", module(scope, "a", v(1), ""));

    var result = switchTo(agent, dir);

    ok(result);
    UnitState s = state(scope, "a");
    assertEquals("active", s.activeState(), result.output());
    assertTrue(s.mainPid().orElse(0) > 0, "MainPID " + s.mainPid());
    assertTrue(Files.isRegularFile(unitFile(agent, "a")));
    assertTrue(Files.isSymbolicLink(wantsLink(agent, scope, "a")));
    assertEquals(v(1), configInContainer(scope, "a"));
    assertEquals(List.of("start " + v(1)), awaitLog("a", "start " + v(1)));
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void configDataChange_withReloadSignal_reloadsKeepingThePid_andTheNewContentIsVisible(Scope scope)
      throws Exception {
    SwitchAgent agent = new SwitchAgent(scope);
    var dir =
        agent
            .modulesDir("reload-" + id)
            .write("svc.nix", module(scope, "r", v(1), "process.reloadSignal = \"HUP\";"));
    ok(switchTo(agent, dir));
    long before = pid(scope, "r");

    dir.write("svc.nix", module(scope, "r", v(2), "process.reloadSignal = \"HUP\";"));
    var result = switchTo(agent, dir);

    ok(result);
    assertTrue(
        result.output().contains("reloading the following units: " + name("r") + ".service"),
        result.output());
    assertEquals(before, pid(scope, "r"), result.output());
    assertEquals("active", state(scope, "r").activeState());
    assertEquals(v(2), configInContainer(scope, "r"));
    assertEquals(
        List.of("start " + v(1), "reload " + v(2)),
        awaitLog("r", "reload " + v(2)),
        result.output());
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void configDataChange_withoutExecReload_restartsWithANewPid_andTheNewContentIsVisible(Scope scope)
      throws Exception {
    SwitchAgent agent = new SwitchAgent(scope);
    var dir = agent.modulesDir("restart-" + id).write("svc.nix", module(scope, "s", v(1), ""));
    ok(switchTo(agent, dir));
    long before = pid(scope, "s");

    dir.write("svc.nix", module(scope, "s", v(2), ""));
    var result = switchTo(agent, dir);

    ok(result);
    assertNotEquals(before, pid(scope, "s"), result.output());
    assertEquals("active", state(scope, "s").activeState());
    assertEquals(v(2), configInContainer(scope, "s"));
    assertEquals(
        List.of("start " + v(1), "start " + v(2)), awaitLog("s", "start " + v(2)), result.output());
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
            .modulesDir("noreload-" + id)
            .write("svc.nix", module(scope, "n", v(1), ""))
            .write("opts.nix", "{ ... }: { modsvc.configDataTriggers = false; }\n");
    ok(switchTo(agent, dir));
    long before = pid(scope, "n");
    String unitText = Files.readString(unitFile(agent, "n"));

    dir.write("svc.nix", module(scope, "n", v(2), ""));
    var configOnly = agent.run("switch", "--json", "--modules", dir.inContainer());

    ok(configOnly);
    var report = jsonReport(configOnly);
    assertEquals(unitText, Files.readString(unitFile(agent, "n")), "no unit file changed");
    assertEquals(v(2), configInContainer(scope, "n"));
    assertNotEquals(report.get("from"), report.get("to"), configOnly.output());
    assertEquals(
        false, ((java.util.Map<?, ?>) report.get("plan")).get("daemonReload"), configOnly.output());
    assertEquals(null, reloadCalls(report), configOnly.output());
    assertEquals(before, pid(scope, "n"), "nothing to restart: " + configOnly.output());

    dir.write("svc.nix", module(scope, "n", v(2), "process.reloadSignal = \"HUP\";"));
    var unitChange = agent.run("switch", "--json", "--modules", dir.inContainer());

    ok(unitChange);
    assertEquals(
        1L, ((Number) reloadCalls(jsonReport(unitChange))).longValue(), unitChange.output());
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void diff_showsAConfigDataChangeAsTheContentDiffUnderTheLinkPath(Scope scope) throws Exception {
    SwitchAgent agent = new SwitchAgent(scope);
    var dir = agent.modulesDir("diff-" + id).write("svc.nix", module(scope, "d", v(1), ""));
    ok(switchTo(agent, dir));

    dir.write("svc.nix", module(scope, "d", v(2), ""));
    var result = agent.run("diff", "--modules", dir.inContainer());

    ok(result);
    String link = configDataDir(scope, "d") + "/app.conf";
    assertTrue(
        result.output().contains("--- old" + link + " (content)\n+++ new" + link + " (content)\n"),
        result.output());
    assertTrue(result.output().contains("\n-" + v(1) + "\n+" + v(2) + "\n"), result.output());
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
            .modulesDir("keep-" + id)
            .write("n.nix", module(scope, "n", v(1), noRestart))
            .write("k.nix", module(scope, "k", v(1), keepOld));
    ok(switchTo(agent, dir));
    long n = pid(scope, "n");
    long k = pid(scope, "k");

    dir.write("n.nix", module(scope, "n", v(2), noRestart))
        .write("k.nix", module(scope, "k", v(2), keepOld));
    var result = switchTo(agent, dir);

    ok(result);
    assertEquals(n, pid(scope, "n"), result.output());
    assertEquals(k, pid(scope, "k"), result.output());
    assertEquals(List.of("start " + v(1)), awaitLog("n", "start " + v(1)));
    assertEquals(List.of("start " + v(1)), awaitLog("k", "start " + v(1)));
    // the files did switch: only the processes were left alone
    assertEquals(v(2), configInContainer(scope, "n"));
    assertEquals(v(2), configInContainer(scope, "k"));
    assertTrue(Files.readString(unitFile(agent, "k")).contains("X-SwitchMethod=keep-old"));
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void failingAssertion_exits2_andNothingChanges(Scope scope) throws Exception {
    SwitchAgent agent = new SwitchAgent(scope);
    var dir = agent.modulesDir("assert-" + id).write("svc.nix", module(scope, "a", v(1), ""));
    ok(switchTo(agent, dir));
    long before = pid(scope, "a");
    String unitBefore = Files.readString(unitFile(agent, "a"));
    String generationsBefore = agent.run("generations").output();

    dir.write(
        "svc.nix",
        module(
            scope,
            "a",
            v(2),
            "assertions = [ { assertion = false; message = \"refused " + id + "\"; } ];"));
    var result = switchTo(agent, dir);

    assertEquals(2, result.exitCode(), result.output());
    assertTrue(
        result
            .output()
            .contains(
                "Failed assertions:\n- in "
                    + servicesOption(scope)
                    + "."
                    + name("a")
                    + ": refused "
                    + id),
        result.output());
    assertTrue(result.output().contains("nothing was changed"), result.output());
    assertEquals(before, pid(scope, "a"));
    assertEquals(unitBefore, Files.readString(unitFile(agent, "a")));
    assertEquals(v(1), configInContainer(scope, "a"));
    assertEquals(generationsBefore, agent.run("generations").output());
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void syntaxError_exits2_namingFileLineAndColumn_andNothingChanges(Scope scope) throws Exception {
    SwitchAgent agent = new SwitchAgent(scope);
    var dir = agent.modulesDir("syntax-" + id).write("svc.nix", module(scope, "a", v(1), ""));
    ok(switchTo(agent, dir));
    long before = pid(scope, "a");
    String generationsBefore = agent.run("generations").output();

    dir.write("svc.nix", module(scope, "a", v(2), ""))
        .write("zz-broken.nix", "{\n  services.x = ;\n}\n");
    var result = switchTo(agent, dir);

    assertEquals(2, result.exitCode(), result.output());
    assertTrue(result.output().contains("error: syntax error"), result.output());
    assertTrue(
        result.output().contains(dir.inContainer() + "/zz-broken.nix:2:16"), result.output());
    assertEquals(before, pid(scope, "a"));
    assertEquals(v(1), configInContainer(scope, "a"));
    assertEquals(generationsBefore, agent.run("generations").output());
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void removedModuleFile_stopsItsService_andItsFilesAreGone(Scope scope) throws Exception {
    SwitchAgent agent = new SwitchAgent(scope);
    var dir =
        agent
            .modulesDir("removed-" + id)
            .write("a.nix", module(scope, "a", v(1), ""))
            .write("b.nix", module(scope, "b", v(1), ""));
    ok(switchTo(agent, dir));
    assertEquals("active", state(scope, "b").activeState());

    dir.delete("b.nix");
    var result = switchTo(agent, dir);

    ok(result);
    assertEquals("active", state(scope, "a").activeState());
    assertFalse(state(scope, "b").isActive(), result.output());
    assertFalse(Files.exists(unitFile(agent, "b"), LinkOption.NOFOLLOW_LINKS));
    assertFalse(Files.exists(wantsLink(agent, scope, "b"), LinkOption.NOFOLLOW_LINKS));
    assertFalse(
        Files.exists(Sandbox.get().hostPath(configDataDir(scope, "b")), LinkOption.NOFOLLOW_LINKS),
        result.output());
    assertEquals(v(1), configInContainer(scope, "a"));
  }
}
