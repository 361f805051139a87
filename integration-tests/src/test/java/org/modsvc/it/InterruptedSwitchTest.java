package org.modsvc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.modsvc.it.Sandbox.Scope;
import org.modsvc.switcher.fs.HostPath;
import org.modsvc.switcher.generation.Manifest;
import org.modsvc.switcher.generation.ManifestJson;
import org.modsvc.switcher.systemd.UnitState;

/**
 * A switch killed (SIGKILL) at each of its phases, then a different, corrected configuration
 * switched against the real manager: it converges (its units run with its argv, the interrupted
 * configuration's and the old one's are stopped and gone) and the unit directory holds exactly what
 * the current manifest lists, so nothing the interrupted switch wrote is left orphaned.
 */
class InterruptedSwitchTest {
  private final String id = UUID.randomUUID().toString().substring(0, 8);
  private final UnitStates units = new UnitStates();

  @AfterEach
  void close() {
    units.close();
  }

  static Stream<Arguments> phases() {
    List<String> steps =
        List.of(
            "pending recorded",
            "stop done",
            "write ",
            "current -> ",
            "files done",
            "daemon-reload done",
            "pending cleared");
    return Stream.of(Scope.values())
        .flatMap(s -> steps.stream().map(step -> Arguments.of(s, step)));
  }

  private UnitState state(Scope scope, String unit) {
    return units.of(scope, unit);
  }

  private String unit(String role) {
    return "int-" + role + "-" + id + ".service";
  }

  private static String sleeper(Scope scope, String arg) {
    return "[Service]\nExecStart=/bin/sleep "
        + arg
        + "\n[Install]\nWantedBy="
        + (scope == Scope.SYSTEM ? "multi-user.target" : "default.target")
        + "\n";
  }

  @ParameterizedTest(name = "{0} killed at ''{1}''")
  @MethodSource("phases")
  void killedAtAPhase_thenACorrectedConfiguration_converges(Scope scope, String step)
      throws Exception {
    SwitchAgent agent = new SwitchAgent(scope);
    var dir =
        agent
            .unitsDir("int-" + id)
            .write(unit("a"), sleeper(scope, "1001"))
            .write(unit("old"), sleeper(scope, "1001"));
    assertEquals(0, agent.run("switch", "--units", dir.inContainer()).exitCode());

    // the interrupted configuration: a changed, old removed, mid added
    dir.write(unit("a"), sleeper(scope, "1002"))
        .delete(unit("old"))
        .write(unit("mid"), sleeper(scope, "1002"));
    String killed = agent.killAt(step, "switch", "--units", dir.inContainer());

    // the corrected one: a changed again, mid dropped, fix added
    dir.write(unit("a"), sleeper(scope, "1003"))
        .delete(unit("mid"))
        .write(unit("fix"), sleeper(scope, "1003"));
    var result = agent.run("switch", "--units", dir.inContainer());
    String context = killed + "\n---\n" + result.output();
    assertEquals(0, result.exitCode(), context);

    long pid = state(scope, unit("a")).mainPid().orElseThrow(() -> new AssertionError(context));
    assertEquals(
        "/bin/sleep 1003",
        Sandbox.get().exec("cat", "/proc/" + pid + "/cmdline").output().replace('\0', ' ').strip(),
        context);
    assertEquals("active", state(scope, unit("fix")).activeState(), context);
    for (String gone : List.of(unit("mid"), unit("old"))) {
      assertFalse(state(scope, gone).isActive(), gone + "\n" + context);
    }
    assertEquals(
        ours(onDisk(agent.liveUnitDir())),
        ours(listedInCurrentManifest(scope, agent.liveUnitDir())),
        context);
    assertEquals(
        Set.of(unit("a"), unit("fix")),
        ours(onDisk(agent.liveUnitDir())).stream()
            .filter(p -> !p.contains("/"))
            .collect(Collectors.toSet()),
        context);
    assertFalse(
        Files.exists(stateDir(scope, agent.liveUnitDir()).resolve("pending.json")), context);

    var again = agent.run("switch", "--units", dir.inContainer());
    assertEquals(0, again.exitCode(), again.output());
    assertTrue(again.output().contains("nothing to do"), again.output());
  }

  /**
   * The state directory on a file system with 64 KiB to spare: a configuration whose generation
   * copy does not fit fails naming the file and changes nothing live; the corrected one then
   * converges on the same full disk.
   */
  @org.junit.jupiter.api.Test
  void diskFullWhileWritingTheGeneration_thenACorrectedConfiguration_converges() throws Exception {
    Scope scope = Scope.SYSTEM;
    SwitchAgent agent = new SwitchAgent(scope);
    var dir = agent.unitsDir("full-" + id).write(unit("a"), sleeper(scope, "1001"));
    assertEquals(0, agent.run("switch", "--units", dir.inContainer()).exitCode());
    long before = state(scope, unit("a")).mainPid().orElseThrow();
    String state = "/var/lib/modsvc";
    ok(
        sh(
            "cp -a "
                + state
                + " "
                + state
                + ".saved && kib=$(du -sk "
                + state
                + " | cut -f1)"
                + " && mount -t tmpfs -o size=$((kib + 64))k,mode=0755 tmpfs "
                + state
                + " && cp -a "
                + state
                + ".saved/. "
                + state));
    try {
      dir.write(unit("a"), sleeper(scope, "1002"))
          .write(unit("big"), sleeper(scope, "1002") + "# " + "x".repeat(512 * 1024) + "\n");
      var full = agent.run("switch", "--units", dir.inContainer());
      assertEquals(1, full.exitCode(), full.output());
      assertTrue(full.output().contains("No space left on device"), full.output());
      assertTrue(full.output().contains(unit("big")), "the error names the file: " + full.output());
      assertEquals(before, state(scope, unit("a")).mainPid().orElseThrow(), "nothing live changed");
      assertFalse(Files.exists(agent.liveUnitDir().resolve(unit("big"))));

      dir.delete(unit("big"))
          .write(unit("a"), sleeper(scope, "1003"))
          .write(unit("fix"), sleeper(scope, "1003"));
      var fixed = agent.run("switch", "--units", dir.inContainer());
      assertEquals(0, fixed.exitCode(), fixed.output());
      assertEquals("active", state(scope, unit("fix")).activeState(), fixed.output());
      assertEquals(
          ours(onDisk(agent.liveUnitDir())),
          ours(listedInCurrentManifest(scope, agent.liveUnitDir())));
      assertEquals(
          Set.of(unit("a"), unit("fix")),
          ours(onDisk(agent.liveUnitDir())).stream()
              .filter(p -> !p.contains("/"))
              .collect(Collectors.toSet()),
          fixed.output());
    } finally {
      // back onto the container's disk, with what the switches made of it
      ok(
          sh(
              "rm -rf "
                  + state
                  + ".saved && cp -a "
                  + state
                  + " "
                  + state
                  + ".after && umount "
                  + state
                  + " && rm -rf "
                  + state
                  + " && mv "
                  + state
                  + ".after "
                  + state));
    }
  }

  private static Sandbox.ExecResult sh(String script) throws Exception {
    return Sandbox.get().exec("sh", "-c", script);
  }

  private static void ok(Sandbox.ExecResult r) {
    assertEquals(0, r.exitCode(), r.output());
  }

  /** Files and links below the unit directory, relative to it, this test's only. */
  private Set<String> ours(Set<String> paths) {
    return paths.stream()
        .filter(p -> p.contains(id))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> onDisk(Path unitDir) throws Exception {
    try (Stream<Path> s = Files.walk(unitDir)) {
      return s.filter(p -> !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
          .map(p -> unitDir.relativize(p).toString())
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static Set<String> listedInCurrentManifest(Scope scope, Path unitDir) throws Exception {
    // read inside the container: a file system mounted there (the full-disk case) is not seen from
    // the host
    String file =
        "/"
            + Path.of(Sandbox.get().value("ROOT")).relativize(stateDir(scope, unitDir))
            + "/generations/current/manifest.json";
    Sandbox.ExecResult cat = Sandbox.get().exec("cat", file);
    ok(cat);
    Manifest m = ManifestJson.parse(cat.output(), file);
    HostPath hostUnitDir =
        HostPath.of(
            scope == Scope.SYSTEM
                ? "/etc/systemd/system"
                : "/" + Path.of(Sandbox.get().value("ROOT")).relativize(unitDir));
    return m.entries().keySet().stream()
        .filter(p -> p.isBelow(hostUnitDir))
        .map(p -> p.relativeTo(hostUnitDir))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * The agent's state directory as a host path: /var/lib/modsvc, or the user's
   * ~/.local/state/modsvc.
   */
  private static Path stateDir(Scope scope, Path unitDir) {
    if (scope == Scope.SYSTEM) {
      return Sandbox.get().hostPath("/var/lib/modsvc");
    }
    return unitDir
        .getParent()
        .getParent()
        .getParent()
        .resolve(".local/state/modsvc"); // ~/.config/systemd/user
  }
}
