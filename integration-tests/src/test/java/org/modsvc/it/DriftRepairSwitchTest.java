package org.modsvc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.modsvc.it.ServiceFixture.ok;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.modsvc.it.Sandbox.Scope;

/**
 * Drift repair and {@code --rollback-on-failure} (docs/decisions.md §12) with Nix module files
 * against the real managers in the container: a deleted config data link or an edited unit file is
 * put back by a plain {@code switch} (the edited one with {@code --force}) and its service reloaded
 * or restarted as systemd shows; a service that crashes right after start sends the switch back to
 * the previous generation, whose service then runs with its old argv, and the same configuration is
 * not tried again. Every assertion reads systemd's state, the files in the container, or what the
 * service itself wrote.
 */
class DriftRepairSwitchTest {
  private final ServiceFixture services = new ServiceFixture("dr");

  @AfterEach
  void close() {
    services.close();
  }

  /** The process's command line as the kernel has it (arguments joined by spaces). */
  private static String argv(long pid) throws Exception {
    Sandbox.ExecResult r = Sandbox.get().exec("cat", "/proc/" + pid + "/cmdline");
    assertEquals(0, r.exitCode(), r.output());
    return r.output().replace('\0', ' ').trim();
  }

  private static Sandbox.ExecResult run(
      SwitchAgent agent, String command, SwitchAgent.UnitsDir modules, String... more)
      throws Exception {
    List<String> args =
        new java.util.ArrayList<>(List.of(command, "--modules", modules.inContainer()));
    args.addAll(List.of(more));
    return agent.run(args.toArray(String[]::new));
  }

  // ---- drift ----

  @ParameterizedTest
  @EnumSource(Scope.class)
  void deletedConfigLink_diffShowsTheRepair_andAPlainSwitchRestoresIt_reloadingTheService(
      Scope scope) throws Exception {
    SwitchAgent agent = new SwitchAgent(scope);
    var dir =
        agent
            .modulesDir("reload-" + services.id())
            .write(
                "svc.nix",
                services.module(scope, "r", services.v(1), "process.reloadSignal = \"HUP\";"));
    ok(run(agent, "switch", dir, "--settle", "1"));
    long before = services.pid(scope, "r");
    Files.delete(services.configLink(scope, "r"));

    var diff = run(agent, "diff", dir);

    ok(diff);
    String link = services.configDataDir(scope, "r") + "/app.conf";
    assertTrue(diff.output().contains("would repair 1 file of generation "), diff.output());
    assertTrue(
        diff.output().contains(link + " (missing, " + services.name("r") + ".service)"),
        diff.output());
    assertTrue(
        diff.output()
            .contains("would reload the following units: " + services.name("r") + ".service"),
        diff.output());
    assertFalse(
        Files.exists(services.configLink(scope, "r"), LinkOption.NOFOLLOW_LINKS),
        "diff changes nothing");

    var result = run(agent, "switch", dir, "--settle", "1");

    ok(result);
    assertTrue(result.output().contains("repairing 1 file of generation "), result.output());
    assertTrue(Files.isSymbolicLink(services.configLink(scope, "r")));
    assertEquals(services.v(1), services.configInContainer(scope, "r"));
    assertEquals(before, services.pid(scope, "r"), result.output());
    assertEquals(
        List.of("start " + services.v(1), "reload " + services.v(1)),
        services.awaitLog("r", "reload " + services.v(1)),
        result.output());
    var again = run(agent, "switch", dir, "--settle", "1");
    ok(again);
    assertTrue(again.output().contains("nothing to do: generation "), again.output());
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void deletedConfigLink_ofAServiceThatCannotReload_isRestoredAndTheServiceRestarted(Scope scope)
      throws Exception {
    SwitchAgent agent = new SwitchAgent(scope);
    var dir =
        agent
            .modulesDir("restart-" + services.id())
            .write("svc.nix", services.module(scope, "s", services.v(1), ""));
    ok(run(agent, "switch", dir, "--settle", "1"));
    long before = services.pid(scope, "s");
    Files.delete(services.configLink(scope, "s"));

    var result = run(agent, "switch", dir, "--settle", "1");

    ok(result);
    assertNotEquals(before, services.pid(scope, "s"), result.output());
    assertEquals("active", services.state(scope, "s").activeState());
    assertEquals(services.v(1), services.configInContainer(scope, "s"));
    assertEquals(
        List.of("start " + services.v(1), "start " + services.v(1)),
        services.waitForLines("s", 2),
        result.output());
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void editedUnitFile_isReportedNeedingForce_andForceRestoresItWithDaemonReloadAndRestart(
      Scope scope) throws Exception {
    SwitchAgent agent = new SwitchAgent(scope);
    var dir =
        agent
            .modulesDir("edit-" + services.id())
            .write("svc.nix", services.module(scope, "e", services.v(1), ""));
    ok(run(agent, "switch", dir, "--settle", "1"));
    long before = services.pid(scope, "e");
    Path unit = services.unitFile(agent, "e");
    String ours = Files.readString(unit);
    Files.writeString(
        unit, ours.replace("[Service]\n", "[Service]\nEnvironment=EDITED_BY_HAND=1\n"));

    var refused = run(agent, "switch", dir, "--settle", "1");

    assertEquals(1, refused.exitCode(), refused.output());
    assertTrue(
        refused.output().contains(unit.getFileName() + ": changed by hand since modsvc wrote it"),
        refused.output());
    assertTrue(refused.output().contains("--force overwrites it"), refused.output());
    assertTrue(
        Files.readString(unit).contains("EDITED_BY_HAND"), "a refused switch changes nothing");
    assertEquals(before, services.pid(scope, "e"));

    var diff = run(agent, "diff", dir);
    ok(diff);
    assertTrue(
        diff.output()
            .contains(
                services.name("e")
                    + ".service (edited, "
                    + services.name("e")
                    + ".service) was changed by hand; a switch refuses to overwrite it without --force"),
        diff.output());

    var forced = run(agent, "switch", dir, "--settle", "1", "--force");

    ok(forced);
    assertEquals(ours, Files.readString(unit));
    assertTrue(forced.output().contains("repairing 1 file of generation "), forced.output());
    assertTrue(forced.output().contains("modsvc: daemon-reload done"), forced.output());
    assertTrue(forced.output().contains("note: overwrote hand-edited "), forced.output());
    assertNotEquals(before, services.pid(scope, "e"), forced.output());
    assertEquals("active", services.state(scope, "e").activeState());
    assertEquals(
        List.of("start " + services.v(1), "start " + services.v(1)),
        services.waitForLines("e", 2),
        forced.output());
    Sandbox.ExecResult env =
        Sandbox.get().exec("cat", "/proc/" + services.pid(scope, "e") + "/environ");
    assertFalse(
        env.output().contains("EDITED_BY_HAND"), "the restarted process runs our definition");
  }

  // ---- --rollback-on-failure ----

  @ParameterizedTest
  @EnumSource(Scope.class)
  void crashingServiceWithRollbackOnFailure_bringsThePreviousGenerationBack_andIsNotRetried(
      Scope scope) throws Exception {
    SwitchAgent agent = new SwitchAgent(scope);
    var dir =
        agent
            .modulesDir("rollback-" + services.id())
            .write("svc.nix", services.module(scope, "c", services.v(1), ""));
    ok(run(agent, "switch", dir, "--settle", "1"));
    String goodArgv = argv(services.pid(scope, "c"));
    int good = currentGeneration(agent);

    dir.write(
        "svc.nix",
        services.moduleWithScript(
            scope, "c", services.v(2), "echo crashing-" + services.id() + "; exit 3", ""));
    var result = run(agent, "switch", dir, "--settle", "3", "--rollback-on-failure");

    assertEquals(4, result.exitCode(), result.output());
    assertTrue(
        result
            .output()
            .contains("error: Failed to start " + services.name("c") + ".service: unhealthy"),
        result.output());
    assertTrue(
        result
            .output()
            .contains(
                "rolling back (--rollback-on-failure): generation "
                    + (good + 1)
                    + " failed ("
                    + services.name("c")
                    + ".service); back to generation "
                    + good
                    + "'s files as generation "
                    + (good + 2)),
        result.output());
    assertEquals(good + 2, currentGeneration(agent));
    assertEquals("active", services.state(scope, "c").activeState(), result.output());
    assertEquals(
        goodArgv,
        argv(services.pid(scope, "c")),
        "the previous generation's service runs with its old argv");
    assertEquals(services.v(1), services.configInContainer(scope, "c"));
    long restored = services.pid(scope, "c");

    var repeat = run(agent, "switch", dir, "--settle", "3", "--rollback-on-failure");

    assertEquals(4, repeat.exitCode(), repeat.output());
    assertTrue(
        repeat
            .output()
            .contains(
                "error: this configuration failed as generation "
                    + (good + 1)
                    + " ("
                    + services.name("c")
                    + ".service failed) and was rolled back to generation "
                    + good
                    + "'s files"),
        repeat.output());
    assertTrue(
        repeat.output().contains("it is not retried until it changes (--force retries it)"),
        repeat.output());
    assertEquals(good + 2, currentGeneration(agent), "no new generation");
    assertEquals(restored, services.pid(scope, "c"), "nothing was restarted");

    var json = run(agent, "switch", dir, "--json", "--rollback-on-failure");
    assertEquals(4, json.exitCode(), json.output());
    assertTrue(json.output().contains("\"exitCode\": 4"), json.output());
  }

  private static int currentGeneration(SwitchAgent agent) throws Exception {
    var list = agent.run("generations");
    ok(list);
    for (String line : list.output().split("\n")) {
      if (line.contains("(current)")) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)").matcher(line);
        if (m.find()) {
          return Integer.parseInt(m.group(1));
        }
      }
    }
    throw new AssertionError("no current generation in\n" + list.output());
  }
}
