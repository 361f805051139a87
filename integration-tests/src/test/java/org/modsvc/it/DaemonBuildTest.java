package org.modsvc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.modsvc.it.DaemonUnit.Check;
import org.modsvc.it.Sandbox.Scope;

/**
 * The packaged units' sandboxing lets the daemon build: a module whose service runs a wrapper built
 * by {@code runCommand} with {@code makeWrapper} (the module of {@link BuiltWrapperSwitchTest}) is
 * converged by {@code modsvc-agent daemon} running as the packaged system or user unit. The build
 * needs new mount, network and PID namespaces with a fresh {@code /proc} (and a user namespace for
 * the user's agent), which a unit's {@code RestrictNamespaces=} or {@code /proc} protections could
 * refuse; the CLI, run outside the unit, would not notice.
 */
class DaemonBuildTest {
  private final String id = UUID.randomUUID().toString().substring(0, 8);
  private final Sandbox sandbox = Sandbox.get();
  private DaemonUnit daemon;

  @AfterEach
  void uninstall() throws Exception {
    if (daemon == null) return;
    daemon.uninstall();
    daemon.removeModules();
  }

  private String name() {
    return "db-" + id;
  }

  private String module(Scope scope, String log) {
    return WrapperModule.text(scope, "db", id, log);
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void daemonAsThePackagedUnit_buildsTheWrapper_andTheServiceRunsIt(Scope scope) throws Exception {
    daemon = new DaemonUnit(scope);
    String log = sandbox.scratchDir(scope) + "/log-" + name();
    Files.deleteIfExists(sandbox.hostPath(log));
    daemon.install(List.of(), "--settle", "1");
    daemon.writeModule("built.nix", module(scope, log));
    Check.Context journal = () -> "status: " + daemon.status() + "\njournal:\n" + daemon.journal();

    // Type=notify: start returns once the first convergence attempt is over
    DaemonUnit.ok(daemon.sh(daemon.systemctl() + " start " + DaemonUnit.UNIT));

    DaemonUnit.await(
        30, "the first convergence", () -> daemon.status().contains("converged"), journal);
    assertEquals("active", daemon.show(name() + ".service", "ActiveState"), journal.describe());
    String builder = scope == Scope.SYSTEM ? "65534" : String.valueOf(sandbox.uid());
    assertEquals(
        List.of("start hello-" + id + " " + builder),
        awaitLog(sandbox.hostPath(log)),
        journal.describe());
  }

  private static List<String> awaitLog(Path log) throws Exception {
    List<String> lines = List.of();
    for (int i = 0; i < 100 && lines.isEmpty(); i++) {
      lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
      if (lines.isEmpty()) Thread.sleep(100);
    }
    return lines;
  }
}
