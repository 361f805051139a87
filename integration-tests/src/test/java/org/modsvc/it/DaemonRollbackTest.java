package org.modsvc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
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
 * The system daemon run with {@code --rollback-on-failure} (the flag on the unit's ExecStart, set
 * by the test's drop-in): a switch to a service that crashes right after it starts is reported
 * failed, the previous generation's service runs again, the failed inputs are not retried while no
 * file changes, and a fixed module converges. Every assertion reads systemd's state or the daemon's
 * status ({@code status --json}, the unit's status line).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DaemonRollbackTest {
  private final String id = UUID.randomUUID().toString().substring(0, 8);
  private final DaemonUnit daemon = new DaemonUnit(Scope.SYSTEM);
  private final Sandbox sandbox = Sandbox.get();
  private final String web = "dr-web-" + id;

  @BeforeAll
  void install() throws Exception {
    // a short drift interval: a drift check that mistook the rolled-back state for drift (and
    // switched again) would show within the quiet seconds the test waits
    daemon.install(List.of(), "--settle", "2", "--drift-interval", "1", "--rollback-on-failure");
  }

  @AfterAll
  void uninstall() throws Exception {
    daemon.uninstall();
    daemon.removeModules();
  }

  /** A service whose argv names {@code tag}; it keeps running. */
  private String good(String tag) {
    return service("echo " + tag + "; while true; do sleep 1 & wait $!; done");
  }

  /** A service that exits with a failure right after it starts. */
  private String crashing(String tag) {
    return service("echo " + tag + "; exit 3");
  }

  private String service(String script) {
    return "{ pkgs, ... }: {\n"
        + "  system.services.\""
        + web
        + "\" = {\n"
        + "    process.argv = [ pkgs.runtimeShell \"-c\" \""
        + script
        + "\" ];\n"
        + "  };\n"
        + "}\n";
  }

  private String unit() {
    return web + ".service";
  }

  private Check.Context journal() {
    return daemon.statusAndJournal(60);
  }

  @Test
  @Order(1)
  void crashRightAfterStart_isReportedFailed_andThePreviousGenerationRunsAgain() throws Exception {
    daemon.writeModule("web.nix", good("good-v1-" + id));
    DaemonUnit.ok(sandbox.exec("systemctl", "start", DaemonUnit.UNIT));
    assertEquals("active", daemon.show(unit(), "ActiveState"), journal().describe());
    assertTrue(daemon.status().contains("converged"), daemon.status());
    long goodPid = daemon.mainPid(unit());
    int goodGeneration = (int) DaemonUnit.jsonNumber(daemon.statusJson(), "generation");

    daemon.writeModule("web.nix", crashing("bad-v2-" + id));
    DaemonUnit.await(
        40,
        "the rollback in the status",
        () -> DaemonUnit.jsonString(daemon.statusJson(), "state").equals("ROLLED_BACK"),
        journal());
    String json = daemon.statusJson();
    assertTrue(json.contains("\"" + unit() + "\""), "the failed unit is named: " + json);
    assertTrue(daemon.status().startsWith("rolled back to generation "), daemon.status());
    assertTrue(daemon.status().contains(unit()), daemon.status());
    assertTrue(
        DaemonUnit.jsonNumber(json, "generation") >= goodGeneration,
        "the current generation is the good one's configuration: " + json);

    // the previous generation is back: the old argv, running
    DaemonUnit.await(
        20,
        "the old service active again",
        () -> daemon.show(unit(), "ActiveState").equals("active") && daemon.mainPid(unit()) > 0,
        journal());
    String execStart = daemon.show(unit(), "ExecStart");
    assertTrue(execStart.contains("good-v1-" + id), execStart);
    assertTrue(!execStart.contains("bad-v2-" + id), execStart);
    assertNotEquals(goodPid, daemon.mainPid(unit()), "the rollback started the old argv again");
    assertEquals("active", daemon.show(DaemonUnit.UNIT, "ActiveState"), "the daemon goes on");
  }

  @Test
  @Order(2)
  void theFailedInputsAreNotRetried_whileNoFileChanges() throws Exception {
    String before = daemon.statusJson();
    long pid = daemon.mainPid(unit());
    long daemonPid = daemon.mainPid(DaemonUnit.UNIT);
    // longer than the settle window, the debounce and several drift intervals together
    Thread.sleep(6000);
    String after = daemon.statusJson();
    assertEquals(
        DaemonUnit.jsonNumber(before, "evaluations"),
        DaemonUnit.jsonNumber(after, "evaluations"),
        "no evaluation without a change:\n" + before + "\n" + after);
    assertEquals(
        DaemonUnit.jsonNumber(before, "generation"),
        DaemonUnit.jsonNumber(after, "generation"),
        "no switch without a change:\n" + before + "\n" + after);
    assertEquals("ROLLED_BACK", DaemonUnit.jsonString(after, "state"), after);
    assertEquals(pid, daemon.mainPid(unit()), "the rolled-back service kept running");
    assertEquals(daemonPid, daemon.mainPid(DaemonUnit.UNIT), "the daemon was not restarted");
    String execStart = daemon.show(unit(), "ExecStart");
    assertTrue(execStart.contains("good-v1-" + id), execStart);
  }

  @Test
  @Order(3)
  void aFixedModule_converges() throws Exception {
    long pid = daemon.mainPid(unit());
    long generation = DaemonUnit.jsonNumber(daemon.statusJson(), "generation");
    daemon.writeModule("web.nix", good("good-v3-" + id));
    DaemonUnit.await(
        30,
        "the fix converged",
        () -> DaemonUnit.jsonString(daemon.statusJson(), "state").equals("CONVERGED"),
        journal());
    String json = daemon.statusJson();
    assertTrue(DaemonUnit.jsonNumber(json, "generation") > generation, json);
    assertTrue(json.contains("\"failedUnits\": []") || json.contains("\"failedUnits\":[]"), json);
    assertEquals("active", daemon.show(unit(), "ActiveState"));
    assertTrue(daemon.show(unit(), "ExecStart").contains("good-v3-" + id));
    assertNotEquals(pid, daemon.mainPid(unit()));
  }
}
