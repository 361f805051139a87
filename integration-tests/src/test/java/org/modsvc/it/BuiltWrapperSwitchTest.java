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
import org.modsvc.it.Sandbox.Scope;
import org.modsvc.switcher.systemd.UnitState;

/**
 * A service whose program is built while the modules are evaluated, as nixpkgs' modules build
 * wrappers: a {@code writeShellScript} wrapped by {@code runCommand} with {@code makeWrapper}. The
 * agent in the container runs the build (isolated, as nobody for the system agent, as the user for
 * the user's agent), and the real manager starts the wrapper, which logs what the wrapper set and
 * which uid the build ran as.
 */
class BuiltWrapperSwitchTest {
  private final String id = UUID.randomUUID().toString().substring(0, 8);
  private final UnitStates units = new UnitStates();

  @AfterEach
  void close() {
    units.close();
  }

  private String name() {
    return "bw-" + id;
  }

  private String module(Scope scope, String log) {
    return WrapperModule.text(scope, "bw", id, log);
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void wrapperBuiltAtEvaluation_isStartedByTheManager_andWasBuiltUnprivileged(Scope scope)
      throws Exception {
    Sandbox sandbox = Sandbox.get();
    SwitchAgent agent = new SwitchAgent(scope);
    String log = sandbox.scratchDir(scope) + "/log-" + name();
    var dir = agent.modulesDir("bw-" + id).write("svc.nix", module(scope, log));

    Sandbox.ExecResult result = agent.run("switch", "--modules", dir.inContainer());

    assertEquals(0, result.exitCode(), result.output());
    UnitState s = units.of(scope, name() + ".service");
    assertEquals("active", s.activeState(), result.output());
    String builder = scope == Scope.SYSTEM ? "65534" : String.valueOf(sandbox.uid());
    assertEquals(List.of("start hello-" + id + " " + builder), awaitLog(sandbox.hostPath(log)));
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
