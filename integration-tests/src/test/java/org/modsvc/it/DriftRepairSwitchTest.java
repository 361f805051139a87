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
 * Drift repair and {@code --rollback-on-failure} (docs/decisions.md §12) with Nix module files
 * against the real managers in the container: a deleted config data link or an edited unit file is
 * put back by a plain {@code switch} (the edited one with {@code --force}) and its service reloaded
 * or restarted as systemd shows; a service that crashes right after start sends the switch back to
 * the previous generation, whose service then runs with its old argv, and the same configuration is
 * not tried again. Every assertion reads systemd's state, the files in the container, or what the
 * service itself wrote.
 */
class DriftRepairSwitchTest {
  private final String id = UUID.randomUUID().toString().substring(0, 8);
  private final UnitStates units = new UnitStates();

  @AfterEach
  void close() {
    units.close();
  }

  private String name(String role) {
    return "dr-" + role + "-" + id;
  }

  private String v(int n) {
    return "v" + n + "-" + id;
  }

  private String marker(String role) {
    return "/var/lib/modsvc-it/log-" + name(role);
  }

  private static String servicesOption(Scope scope) {
    return scope == Scope.SYSTEM ? "system.services" : "home.services";
  }

  /**
   * A module with service {@code name(role)}: a shell loop that logs {@code start <config>} when it
   * starts and {@code reload <config>} on SIGHUP, reading its configData {@code app.conf} ({@code
   * content}).
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
    return moduleWithScript(scope, role, content, script, extra);
  }

  private String moduleWithScript(
      Scope scope, String role, String content, String script, String extra) {
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

  private UnitState state(Scope scope, String role) {
    return units.of(scope, name(role) + ".service");
  }

  private long pid(Scope scope, String role) {
    return state(scope, role)
        .mainPid()
        .orElseThrow(() -> new AssertionError(name(role) + " has no MainPID"));
  }

  private String configDataDir(Scope scope, String role) {
    String root =
        scope == Scope.SYSTEM
            ? "/etc/system-services"
            : "/home/" + Sandbox.get().value("USER") + "/.config/home-services";
    return root + "/" + name(role);
  }

  private Path configLink(Scope scope, String role) {
    return Sandbox.get().hostPath(configDataDir(scope, role) + "/app.conf");
  }

  private String configInContainer(Scope scope, String role) throws Exception {
    Sandbox.ExecResult r = Sandbox.get().exec("cat", configDataDir(scope, role) + "/app.conf");
    assertEquals(0, r.exitCode(), r.output());
    return r.output();
  }

  private Path unitFile(SwitchAgent agent, String role) {
    return agent.liveUnitDir().resolve(name(role) + ".service");
  }

  /** The process's command line as the kernel has it (arguments joined by spaces). */
  private static String argv(long pid) throws Exception {
    Sandbox.ExecResult r = Sandbox.get().exec("cat", "/proc/" + pid + "/cmdline");
    assertEquals(0, r.exitCode(), r.output());
    return r.output().replace('\0', ' ').trim();
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
            .modulesDir("reload-" + id)
            .write("svc.nix", module(scope, "r", v(1), "process.reloadSignal = \"HUP\";"));
    ok(run(agent, "switch", dir, "--settle", "1"));
    long before = pid(scope, "r");
    Files.delete(configLink(scope, "r"));

    var diff = run(agent, "diff", dir);

    ok(diff);
    String link = configDataDir(scope, "r") + "/app.conf";
    assertTrue(diff.output().contains("would repair 1 file of generation "), diff.output());
    assertTrue(
        diff.output().contains(link + " (missing, " + name("r") + ".service)"), diff.output());
    assertTrue(
        diff.output().contains("would reload the following units: " + name("r") + ".service"),
        diff.output());
    assertFalse(
        Files.exists(configLink(scope, "r"), LinkOption.NOFOLLOW_LINKS), "diff changes nothing");

    var result = run(agent, "switch", dir, "--settle", "1");

    ok(result);
    assertTrue(result.output().contains("repairing 1 file of generation "), result.output());
    assertTrue(Files.isSymbolicLink(configLink(scope, "r")));
    assertEquals(v(1), configInContainer(scope, "r"));
    assertEquals(before, pid(scope, "r"), result.output());
    assertEquals(
        List.of("start " + v(1), "reload " + v(1)),
        awaitLog("r", "reload " + v(1)),
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
    var dir = agent.modulesDir("restart-" + id).write("svc.nix", module(scope, "s", v(1), ""));
    ok(run(agent, "switch", dir, "--settle", "1"));
    long before = pid(scope, "s");
    Files.delete(configLink(scope, "s"));

    var result = run(agent, "switch", dir, "--settle", "1");

    ok(result);
    assertNotEquals(before, pid(scope, "s"), result.output());
    assertEquals("active", state(scope, "s").activeState());
    assertEquals(v(1), configInContainer(scope, "s"));
    assertEquals(List.of("start " + v(1), "start " + v(1)), waitForLines("s", 2), result.output());
  }

  /** The log once it holds {@code n} lines (or what it holds after 5 s). */
  private List<String> waitForLines(String role, int n) throws Exception {
    Path log = Sandbox.get().hostPath(marker(role));
    List<String> lines = List.of();
    for (int i = 0; i < 50 && lines.size() < n; i++) {
      Thread.sleep(100);
      lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    }
    return lines;
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void editedUnitFile_isReportedNeedingForce_andForceRestoresItWithDaemonReloadAndRestart(
      Scope scope) throws Exception {
    SwitchAgent agent = new SwitchAgent(scope);
    var dir = agent.modulesDir("edit-" + id).write("svc.nix", module(scope, "e", v(1), ""));
    ok(run(agent, "switch", dir, "--settle", "1"));
    long before = pid(scope, "e");
    Path unit = unitFile(agent, "e");
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
    assertEquals(before, pid(scope, "e"));

    var diff = run(agent, "diff", dir);
    ok(diff);
    assertTrue(
        diff.output()
            .contains(
                name("e")
                    + ".service (edited, "
                    + name("e")
                    + ".service) was changed by hand; a switch refuses to overwrite it without --force"),
        diff.output());

    var forced = run(agent, "switch", dir, "--settle", "1", "--force");

    ok(forced);
    assertEquals(ours, Files.readString(unit));
    assertTrue(forced.output().contains("repairing 1 file of generation "), forced.output());
    assertTrue(forced.output().contains("modsvc: daemon-reload done"), forced.output());
    assertTrue(forced.output().contains("note: overwrote hand-edited "), forced.output());
    assertNotEquals(before, pid(scope, "e"), forced.output());
    assertEquals("active", state(scope, "e").activeState());
    assertEquals(List.of("start " + v(1), "start " + v(1)), waitForLines("e", 2), forced.output());
    Sandbox.ExecResult env = Sandbox.get().exec("cat", "/proc/" + pid(scope, "e") + "/environ");
    assertFalse(
        env.output().contains("EDITED_BY_HAND"), "the restarted process runs our definition");
  }

  // ---- --rollback-on-failure ----

  @ParameterizedTest
  @EnumSource(Scope.class)
  void crashingServiceWithRollbackOnFailure_bringsThePreviousGenerationBack_andIsNotRetried(
      Scope scope) throws Exception {
    SwitchAgent agent = new SwitchAgent(scope);
    var dir = agent.modulesDir("rollback-" + id).write("svc.nix", module(scope, "c", v(1), ""));
    ok(run(agent, "switch", dir, "--settle", "1"));
    String goodArgv = argv(pid(scope, "c"));
    int good = currentGeneration(agent);

    dir.write(
        "svc.nix", moduleWithScript(scope, "c", v(2), "echo crashing-" + id + "; exit 3", ""));
    var result = run(agent, "switch", dir, "--settle", "3", "--rollback-on-failure");

    assertEquals(4, result.exitCode(), result.output());
    assertTrue(
        result.output().contains("error: Failed to start " + name("c") + ".service: unhealthy"),
        result.output());
    assertTrue(
        result
            .output()
            .contains(
                "rolling back (--rollback-on-failure): generation "
                    + (good + 1)
                    + " failed ("
                    + name("c")
                    + ".service); back to generation "
                    + good
                    + "'s files as generation "
                    + (good + 2)),
        result.output());
    assertEquals(good + 2, currentGeneration(agent));
    assertEquals("active", state(scope, "c").activeState(), result.output());
    assertEquals(
        goodArgv,
        argv(pid(scope, "c")),
        "the previous generation's service runs with its old argv");
    assertEquals(v(1), configInContainer(scope, "c"));
    long restored = pid(scope, "c");

    var repeat = run(agent, "switch", dir, "--settle", "3", "--rollback-on-failure");

    assertEquals(4, repeat.exitCode(), repeat.output());
    assertTrue(
        repeat
            .output()
            .contains(
                "error: this configuration failed as generation "
                    + (good + 1)
                    + " ("
                    + name("c")
                    + ".service failed) and was rolled back to generation "
                    + good
                    + "'s files"),
        repeat.output());
    assertTrue(
        repeat.output().contains("it is not retried until it changes (--force retries it)"),
        repeat.output());
    assertEquals(good + 2, currentGeneration(agent), "no new generation");
    assertEquals(restored, pid(scope, "c"), "nothing was restarted");

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
