package org.modsvc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.modsvc.it.DaemonUnit.Check;
import org.modsvc.it.Sandbox.Scope;

/**
 * The system daemon running as {@code modsvc-agent.service} in the container's real systemd (the
 * packaged unit, Type=notify, watchdog), converging {@code /etc/modsvc/modules} as its files
 * change. One daemon serves the cases in order (each starts from the state the one before left);
 * every assertion reads systemd's state, the service's own log or the daemon's status line. The
 * test services are shell loops logging {@code start <config>} when they start and {@code reload
 * <config>} on SIGHUP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DaemonSystemTest {
  private final String id = UUID.randomUUID().toString().substring(0, 8);
  private final DaemonUnit daemon = new DaemonUnit(Scope.SYSTEM);
  private final Sandbox sandbox = Sandbox.get();
  private final String web = "dm-web-" + id;

  @BeforeAll
  void install() throws Exception {
    // a short watchdog so that the SIGSTOP case takes seconds; a short settle window so that a
    // switch ends soon
    daemon.install(
        List.of("WatchdogSec=6s", "RestartSec=1s"), "--settle", "1", "--drift-interval", "2");
    sandbox.scratchDir(Scope.SYSTEM); // where the test services log
  }

  @AfterAll
  void uninstall() throws Exception {
    daemon.uninstall();
    daemon.removeModules();
  }

  private String marker() {
    return "/var/lib/modsvc-it/log-" + web;
  }

  /**
   * The web service, its argv ending with {@code sleep <pause>}, its config data {@code app.conf} =
   * {@code conf}.
   */
  private String module(String conf, int pause, String extra) {
    String c = "${config.configData.\"app.conf\".path}";
    String script =
        "echo start $(cat "
            + c
            + ") >> "
            + marker()
            + "; "
            + "trap 'echo reload $(cat "
            + c
            + ") >> "
            + marker()
            + "' HUP; "
            + "while true; do sleep "
            + pause
            + " & wait $!; done";
    return "{ pkgs, ... }: {\n"
        + "  system.services.\""
        + web
        + "\" = { config, ... }: {\n"
        + "    process.argv = [ pkgs.runtimeShell \"-c\" \""
        + script
        + "\" ];\n"
        + "    configData.\"app.conf\".text = \""
        + conf
        + "\";\n"
        + "    "
        + extra
        + "\n"
        + "  };\n"
        + "}\n";
  }

  private String unit() {
    return web + ".service";
  }

  private List<String> serviceLog() throws Exception {
    Path log = sandbox.hostPath(marker());
    return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
  }

  private Check.Context journal() {
    return daemon.statusAndJournal(60);
  }

  private void awaitConverged(String what) throws Exception {
    DaemonUnit.await(30, what, () -> daemon.status().contains("converged"), journal());
  }

  private int generation() throws Exception {
    String s = daemon.status();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("generation (\\d+)").matcher(s);
    assertTrue(m.find(), s);
    return Integer.parseInt(m.group(1));
  }

  @Test
  @Order(1)
  void isActiveOnlyAfterReady_theFirstConvergenceHasHappenedByThen() throws Exception {
    Files.deleteIfExists(sandbox.hostPath(marker()));
    daemon.writeModule("web.nix", module("v1-" + id, 1, ""));
    DaemonUnit.ok(sandbox.exec("systemctl", "start", "--no-block", DaemonUnit.UNIT));
    List<String> states = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String state;
    do {
      state = daemon.show(DaemonUnit.UNIT, "ActiveState");
      if (states.isEmpty() || !states.get(states.size() - 1).equals(state)) states.add(state);
      if (System.nanoTime() > deadline)
        throw new AssertionError("never active: " + states + "\n" + journal().describe());
      Thread.sleep(20);
    } while (!state.equals("active"));
    // the first convergence (JVM start, evaluation, daemon-reload, start, settle) takes seconds:
    // activating is seen
    assertEquals("activating", states.get(0), states.toString());
    assertEquals(
        "active",
        daemon.show(unit(), "ActiveState"),
        "the module's service runs once READY=1 is sent");
    assertTrue(daemon.status().startsWith("generation "), daemon.status());
    assertTrue(daemon.status().contains("converged"), daemon.status());
    assertEquals(List.of("start v1-" + id), serviceLog());
  }

  @Test
  @Order(2)
  void editedArgv_restartsTheServiceWithANewPid() throws Exception {
    long before = daemon.mainPid(unit());
    int gen = generation();
    daemon.writeModule("web.nix", module("v1-" + id, 2, ""));
    DaemonUnit.await(
        20,
        "a new MainPID",
        () -> daemon.mainPid(unit()) != before && daemon.mainPid(unit()) > 0,
        journal());
    assertEquals("active", daemon.show(unit(), "ActiveState"));
    String execStart = daemon.show(unit(), "ExecStart");
    assertTrue(execStart.contains("sleep 2"), execStart);
    awaitConverged("the status after the switch");
    assertEquals(gen + 1, generation(), daemon.status());
  }

  @Test
  @Order(3)
  void editedConfigData_withoutReloadSignal_restarts_withReloadSignal_reloads() throws Exception {
    long before = daemon.mainPid(unit());
    daemon.writeModule("web.nix", module("v2-" + id, 2, ""));
    DaemonUnit.await(
        20, "the restart with v2", () -> serviceLog().contains("start v2-" + id), journal());
    assertNotEquals(before, daemon.mainPid(unit()));
    awaitConverged("converged on v2");

    daemon.writeModule("web.nix", module("v2-" + id, 2, "process.reloadSignal = \"HUP\";"));
    DaemonUnit.await(
        20,
        "the switch adding ExecReload",
        () ->
            serviceLog().contains("start v2-" + id)
                && daemon.show(unit(), "ExecReload").contains("kill"),
        journal());
    awaitConverged("converged with ExecReload");
    long running = daemon.mainPid(unit());
    daemon.writeModule("web.nix", module("v3-" + id, 2, "process.reloadSignal = \"HUP\";"));
    DaemonUnit.await(
        20, "the reload with v3", () -> serviceLog().contains("reload v3-" + id), journal());
    assertEquals(running, daemon.mainPid(unit()), "reloaded in place, same process");
    String conf = sandbox.exec("cat", "/etc/system-services/" + web + "/app.conf").output();
    assertEquals("v3-" + id, conf);
  }

  @Test
  @Order(4)
  void syntaxError_changesNothing_statusNamesFileAndLine_andTheFixConverges() throws Exception {
    awaitConverged("a converged start");
    long pid = daemon.mainPid(unit());
    int gen = generation();
    daemon.writeModule(
        "web.nix", "{ pkgs, ... }: {\n  system.services.broken = {\n    process.argv = [ ;\n");
    DaemonUnit.await(
        20,
        "the error in the status",
        () -> daemon.status().startsWith("eval error in web.nix:3"),
        journal());
    assertTrue(daemon.status().contains("running generation " + gen), daemon.status());
    assertEquals(pid, daemon.mainPid(unit()), "the service kept running");
    assertEquals(
        "active",
        daemon.show(DaemonUnit.UNIT, "ActiveState"),
        "an evaluation error does not stop the daemon");
    assertTrue(daemon.journal().contains("at /etc/modsvc/modules/web.nix:3:"), daemon.journal());

    daemon.writeModule("web.nix", module("v4-" + id, 2, "process.reloadSignal = \"HUP\";"));
    DaemonUnit.await(
        20,
        "the fix converged",
        () -> daemon.status().contains("converged") && serviceLog().contains("reload v4-" + id),
        journal());
    assertEquals(gen + 1, generation());
  }

  @Test
  @Order(5)
  void fileWrittenInTwoHalvesWithAPause_neverSwitchesToTheHalf() throws Exception {
    awaitConverged("a converged start");
    long pid = daemon.mainPid(unit());
    int gen = generation();
    String full = module("v5-" + id, 3, "process.reloadSignal = \"HUP\";");
    int half = full.length() / 2;
    Path file = daemon.modulesOnHost().resolve("web.nix");
    // written in place (as cp does), not renamed: the first half is what the daemon sees after its
    // quiet period
    Files.writeString(file, full.substring(0, half), StandardCharsets.UTF_8);
    DaemonUnit.await(
        20,
        "the half file reported",
        () -> daemon.status().startsWith("eval error in web.nix:"),
        journal());
    Thread.sleep(1500);
    assertEquals(pid, daemon.mainPid(unit()), "nothing changed while half written");
    assertTrue(daemon.status().contains("running generation " + gen), daemon.status());
    Files.writeString(
        file,
        full.substring(half),
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    DaemonUnit.await(
        20,
        "the whole file converged",
        () -> daemon.status().contains("converged") && daemon.mainPid(unit()) != pid,
        journal());
    assertTrue(daemon.show(unit(), "ExecStart").contains("sleep 3"));
    assertEquals(gen + 1, generation());
  }

  @Test
  @Order(6)
  void cliSwitchWhileTheDaemonRuns_holdsTheLock_andTheDaemonWaitsForIt() throws Exception {
    awaitConverged("a converged start");
    int gen = generation();
    long pid = daemon.mainPid(unit());
    // a CLI switch of the same modules paused while holding the lock (the agent's test hook)
    SwitchAgent cli = new SwitchAgent(Scope.SYSTEM);
    Process held =
        cli.start(
            List.of("MODSVC_TEST_PAUSE_AT=generation"), "switch", "--modules", daemon.modulesDir());
    try (var r =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(held.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      String pausedPid = null;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("modsvc: paused at ")) {
          pausedPid = line.substring(line.lastIndexOf("(pid ") + 5, line.length() - 1);
          break;
        }
      }
      assertTrue(pausedPid != null, "the CLI switch never paused");
      long mark = DaemonUnit.now();
      daemon.writeModule("web.nix", module("v6-" + id, 4, "process.reloadSignal = \"HUP\";"));
      DaemonUnit.await(
          20,
          "the daemon waiting for the lock",
          () -> daemon.journalSince(mark).contains("waiting for the switch lock"),
          journal());
      Thread.sleep(1000);
      assertEquals(pid, daemon.mainPid(unit()), "no switch while the CLI holds the lock");
      DaemonUnit.ok(sandbox.exec("kill", "-9", pausedPid));
    } finally {
      held.destroyForcibly();
    }
    DaemonUnit.await(
        30,
        "the daemon's switch after the CLI is gone",
        () ->
            daemon.status().contains("converged")
                && daemon.show(unit(), "ExecStart").contains("sleep 4"),
        journal());
    assertTrue(generation() > gen);
  }

  @Test
  @Order(7)
  void sigstopPastTheWatchdog_systemdRestartsTheDaemon_andItConvergesAgain() throws Exception {
    awaitConverged("a converged start");
    long daemonPid = daemon.mainPid(DaemonUnit.UNIT);
    int restarts = Integer.parseInt(daemon.show(DaemonUnit.UNIT, "NRestarts"));
    DaemonUnit.ok(sandbox.exec("kill", "-STOP", String.valueOf(daemonPid)));
    DaemonUnit.await(
        60,
        "a new daemon after the watchdog fired",
        () -> {
          long now = daemon.mainPid(DaemonUnit.UNIT);
          return now != daemonPid
              && now > 0
              && daemon.show(DaemonUnit.UNIT, "ActiveState").equals("active");
        },
        journal());
    assertEquals(restarts + 1, Integer.parseInt(daemon.show(DaemonUnit.UNIT, "NRestarts")));
    assertTrue(daemon.journal().contains("Watchdog timeout"), daemon.journal());
    awaitConverged("converged after the restart");
    assertEquals("active", daemon.show(unit(), "ActiveState"));
  }

  @Test
  @Order(8)
  void kill9DuringASwitch_systemdRestartsTheDaemon_andItFinishesTheSwitch() throws Exception {
    awaitConverged("a converged start");
    // the next daemon pauses in the middle of its next switch: after the files, before the jobs
    daemon.writeDropIn(
        "60-pause.conf", "[Service]\nEnvironment=MODSVC_TEST_PAUSE_AT=daemon-reload done\n");
    DaemonUnit.ok(sandbox.exec("systemctl", "restart", DaemonUnit.UNIT));
    awaitConverged("the restarted daemon converged");
    long pid = daemon.mainPid(unit());
    int gen = generation();
    long mark = DaemonUnit.now();
    daemon.writeModule("web.nix", module("v7-" + id, 5, "process.reloadSignal = \"HUP\";"));
    DaemonUnit.await(
        30,
        "the daemon paused mid-switch",
        () -> daemon.journalSince(mark).contains("paused at daemon-reload done"),
        journal());
    // the restarted daemon must not pause again
    daemon.writeDropIn("60-pause.conf", "[Service]\n");
    long paused = daemon.mainPid(DaemonUnit.UNIT);
    // an argv change is stop, files, daemon-reload, start: paused between, the old process is gone,
    // no new one yet
    assertEquals("inactive", daemon.show(unit(), "ActiveState"), "paused before the start phase");
    DaemonUnit.ok(sandbox.exec("kill", "-9", String.valueOf(paused)));
    DaemonUnit.await(
        60,
        "the restarted daemon converged",
        () -> daemon.mainPid(DaemonUnit.UNIT) != paused && daemon.status().contains("converged"),
        journal());
    assertNotEquals(pid, daemon.mainPid(unit()));
    assertTrue(daemon.show(unit(), "ExecStart").contains("sleep 5"));
    assertEquals("active", daemon.show(unit(), "ActiveState"));
    assertTrue(generation() >= gen + 1, daemon.status());
  }

  @Test
  @Order(9)
  void statusAsksTheDaemon_andAnUnprivilegedUserIsRefused() throws Exception {
    awaitConverged("a converged start");
    String java = System.getProperty("java.home") + "/bin/java";
    Sandbox.ExecResult json = sandbox.exec(java, "-jar", SwitchAgent.JAR, "status", "--json");
    assertEquals(0, json.exitCode(), json.output());
    assertTrue(
        json.output().contains("\"state\": \"CONVERGED\"")
            || json.output().contains("\"state\":\"CONVERGED\""),
        json.output());
    assertTrue(
        json.output().contains("\"generation\": " + generation())
            || json.output().contains("\"generation\":" + generation()),
        json.output());
    Sandbox.ExecResult prometheus =
        sandbox.exec(java, "-jar", SwitchAgent.JAR, "status", "--prometheus");
    assertTrue(prometheus.output().contains("modsvc_switches_total"), prometheus.output());
    Sandbox.ExecResult other =
        sandbox.exec(
            "setpriv",
            "--reuid=" + sandbox.uid(),
            "--regid=" + sandbox.uid(),
            "--clear-groups",
            java,
            "-jar",
            SwitchAgent.JAR,
            "status");
    assertNotEquals(0, other.exitCode(), other.output());
    assertTrue(other.output().contains("refused"), other.output());
  }

  @Test
  @Order(10)
  void deletedConfigLinkAndEditedUnit_areRestoredWithinTheDriftInterval() throws Exception {
    awaitConverged("a converged start");
    Path link = sandbox.hostPath("/etc/system-services/" + web + "/app.conf");
    Path unitFile = sandbox.hostPath("/etc/systemd/system/" + unit());
    assertTrue(Files.isSymbolicLink(link), "the config data link exists");
    String text = Files.readString(unitFile);
    Files.delete(link);
    Files.writeString(unitFile, text + "\n# edited by hand\n");
    DaemonUnit.await(
        20,
        "both restored",
        () -> Files.isSymbolicLink(link) && Files.readString(unitFile).equals(text),
        journal());
    DaemonUnit.await(
        20, "converged after the repair", () -> daemon.status().contains("converged"), journal());
    assertEquals("active", daemon.show(unit(), "ActiveState"));
    String json = daemon.statusJson();
    assertTrue(DaemonUnit.jsonNumber(json, "driftCorrections") >= 2, json);
  }

  @Test
  @Order(11)
  void removedModule_stopsItsService() throws Exception {
    awaitConverged("a converged start");
    Files.delete(daemon.modulesOnHost().resolve("web.nix"));
    DaemonUnit.await(
        20,
        "the service stopped and gone",
        () ->
            !daemon.show(unit(), "LoadState").equals("loaded")
                || daemon.show(unit(), "ActiveState").equals("inactive"),
        journal());
    awaitConverged("converged with no modules");
    assertTrue(daemon.status().contains(", 0 units"), daemon.status());
  }
}
