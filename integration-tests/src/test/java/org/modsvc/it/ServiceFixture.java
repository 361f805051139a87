package org.modsvc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.modsvc.it.Sandbox.Scope;
import org.modsvc.switcher.systemd.UnitState;

/**
 * The module services of the switch tests ({@code ModuleSwitchTest}, {@code DriftRepairSwitchTest})
 * and where to look at them: each is a shell loop that logs {@code start <config>} to its marker
 * file when it starts and {@code reload <config>} on SIGHUP, reading its configData file {@code
 * app.conf} through the path the module system gave it. Names are unique to one test instance
 * ({@code PREFIX-ROLE-ID}); the unit states are read over D-Bus connections closed by {@link
 * #close} after each case.
 */
final class ServiceFixture implements AutoCloseable {
  private final String prefix;
  private final String id = UUID.randomUUID().toString().substring(0, 8);
  private final UnitStates units = new UnitStates();

  /** {@code prefix}: the test class's, so two classes' services never share a name. */
  ServiceFixture(String prefix) {
    this.prefix = prefix;
  }

  /** Unique to this test instance. */
  String id() {
    return id;
  }

  // ---- the module files ----

  String name(String role) {
    return prefix + "-" + role + "-" + id;
  }

  /**
   * The content of {@code app.conf} in version {@code n}, unique to this test: store entries are
   * content-addressed and shared by generations, so a common text would let an entry kept for an
   * earlier test stand in for this one's.
   */
  String v(int n) {
    return "v" + n + "-" + id;
  }

  static String servicesOption(Scope scope) {
    return scope == Scope.SYSTEM ? "system.services" : "home.services";
  }

  static String target(Scope scope) {
    return scope == Scope.SYSTEM ? "multi-user.target" : "default.target";
  }

  String marker(String role) {
    return "/var/lib/modsvc-it/log-" + name(role);
  }

  /**
   * A module file defining one modular service named {@code name(role)} whose process logs to its
   * marker file, with a configData file {@code app.conf} holding {@code content}; {@code extra} is
   * more of the service's module body (Nix).
   */
  String module(Scope scope, String role, String content, String extra) {
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

  /** {@link #module} with another shell {@code script} as the service's program. */
  String moduleWithScript(Scope scope, String role, String content, String script, String extra) {
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

  UnitState state(Scope scope, String role) {
    return units.of(scope, name(role) + ".service");
  }

  long pid(Scope scope, String role) {
    return state(scope, role)
        .mainPid()
        .orElseThrow(() -> new AssertionError(name(role) + " has no MainPID"));
  }

  /** Where the service's configData lives inside the container (docs/decisions.md §4). */
  String configDataDir(Scope scope, String role) {
    String root =
        scope == Scope.SYSTEM
            ? "/etc/system-services"
            : "/home/" + Sandbox.get().value("USER") + "/.config/home-services";
    return root + "/" + name(role);
  }

  /** The configData link of {@code app.conf}, as the host sees the container's file. */
  Path configLink(Scope scope, String role) {
    return Sandbox.get().hostPath(configDataDir(scope, role) + "/app.conf");
  }

  /** The configData file read inside the container: its link points into the container's store. */
  String configInContainer(Scope scope, String role) throws Exception {
    Sandbox.ExecResult r = Sandbox.get().exec("cat", configDataDir(scope, role) + "/app.conf");
    assertEquals(0, r.exitCode(), r.output());
    return r.output();
  }

  Path unitFile(SwitchAgent agent, String role) {
    return agent.liveUnitDir().resolve(name(role) + ".service");
  }

  Path wantsLink(SwitchAgent agent, Scope scope, String role) {
    return agent.liveUnitDir().resolve(target(scope) + ".wants/" + name(role) + ".service");
  }

  /**
   * The lines the service logged, waiting a little for {@code expected} (a trap runs after the
   * signal).
   */
  List<String> awaitLog(String role, String expected) throws Exception {
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

  /** The log once it holds {@code n} lines (or what it holds after 5 s). */
  List<String> waitForLines(String role, int n) throws Exception {
    Path log = Sandbox.get().hostPath(marker(role));
    List<String> lines = List.of();
    for (int i = 0; i < 50 && lines.size() < n; i++) {
      Thread.sleep(100);
      lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    }
    return lines;
  }

  static void ok(Sandbox.ExecResult r) {
    assertEquals(0, r.exitCode(), r.output());
  }

  @Override
  public void close() {
    units.close();
  }
}
