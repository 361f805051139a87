package org.modsvc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.modsvc.it.Sandbox.Scope;
import org.modsvc.switcher.systemd.UnitState;

/**
 * Host packages as store trees against the real managers (docs/decisions.md §3): a service runs a
 * program of the container's own Debian package ({@code coreutils}) through the link in the
 * package's tree, which systemd follows; the running process is the host's program.
 */
class HostPackageSwitchTest {
  private final String id = UUID.randomUUID().toString().substring(0, 8);
  private final UnitStates units = new UnitStates();

  @AfterEach
  void close() {
    units.close();
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void service_runsTheDebianPackagesProgram_throughItsStoreTree(Scope scope) throws Exception {
    SwitchAgent agent = new SwitchAgent(scope);
    String name = "hp-" + id;
    String option = scope == Scope.SYSTEM ? "system.services" : "home.services";
    var dir =
        agent
            .modulesDir("hp-" + id)
            .write(
                "svc.nix",
                "{ pkgs, ... }: { "
                    + option
                    + ".\""
                    + name
                    + "\".process.argv = [ \"${pkgs.coreutils}/bin/sleep\" \"infinity\" ]; }\n");

    Sandbox.ExecResult result = agent.run("switch", "--modules", dir.inContainer());

    assertEquals(0, result.exitCode(), result.output());
    String unit = Files.readString(agent.liveUnitDir().resolve(name + ".service"));
    assertTrue(
        unit.matches(
            "(?s).*ExecStart=\"/[^\"]*/store/[0-9a-z]{32}-coreutils/bin/sleep\" \"infinity\"\n.*"),
        unit);
    UnitState s = units.of(scope, name + ".service");
    assertEquals("active", s.activeState(), result.output());
    long pid = s.mainPid().orElseThrow(() -> new AssertionError(name + " has no MainPID"));
    Sandbox.ExecResult exe = Sandbox.get().exec("readlink", "-f", "/proc/" + pid + "/exe");
    assertEquals(0, exe.exitCode(), exe.output());
    assertEquals("/usr/bin/sleep", exe.output().strip());
  }
}
