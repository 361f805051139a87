package org.modsvc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Debian package as a host gets it: {@code apt-get install ./modsvc-agent_…deb} in a container
 * of its own (a sibling of the tests' sandbox, booted with the image's Debian Java runtime instead
 * of the host's JDK, offline: every dependency is in the image), then the package's life on that
 * host in order: install, a module dropped in, remove, purge while the agent still manages a
 * service, upgrade from the previous commit's package, the lingering user's instance, and purge
 * after the services were handed back. Each case sets up what it needs from the package's state, so
 * one that is skipped (no daemon unit yet, no previous commit) leaves the others meaningful.
 *
 * <p>The container is its own because the agent runs there as the system's service and converges
 * {@code /etc/modsvc/modules} with the same state directory the other tests' switches use.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class PackageTest {
  private static final String MODULES = "/etc/modsvc/modules";
  private static final String SERVICE = "pkgtest-sleeper.service";
  private static final String USER_SERVICE = "pkgtest-user-sleeper.service";
  private static final Duration CONVERGE = Duration.ofSeconds(90);

  private Sandbox box;
  private Path repo;
  private String currentDeb;
  private String currentVersion;
  private boolean systemUnitShipped;
  private boolean userUnitShipped;

  @BeforeAll
  void bootOwnContainer() throws Exception {
    Sandbox tests = Sandbox.get();
    repo = Path.of(tests.value("REPO_ON_HOST"));
    Path deb = onlyPackage(repo.resolve("packaging/target"));
    List<String> contents =
        hostCommand(Duration.ofSeconds(30), "dpkg-deb", "-c", deb.toString()).lines().toList();
    systemUnitShipped =
        contents.stream()
            .anyMatch(l -> l.endsWith("./usr/lib/systemd/system/modsvc-agent.service"));
    userUnitShipped =
        contents.stream().anyMatch(l -> l.endsWith("./usr/lib/systemd/user/modsvc-agent.service"));
    currentVersion =
        hostCommand(Duration.ofSeconds(30), "dpkg-deb", "-f", deb.toString(), "Version").strip();
    box = tests.sibling("deb", Map.of("MODSVC_SANDBOX_HOST_JAVA", "0"));
    currentDeb = copyIntoContainer(deb);
  }

  @AfterAll
  void tearDown() throws Exception {
    if (box != null) {
      box.down();
    }
  }

  // ---- the cases, in the order a host lives them ----

  @Test
  @Order(1)
  void install_bringsAgentRunningOnDebiansJava_manPageCompletionAndClassDataArchive()
      throws Exception {
    Sandbox.ExecResult install = apt("install", currentDeb);
    assertEquals(0, install.exitCode(), install.output());
    assertEquals(
        "install ok installed " + currentVersion,
        run("dpkg-query", "-W", "-f", "${Status} ${Version}", "modsvc-agent").output());

    // Debian's runtime from the image, not a JDK bound in from the host
    String java = run("readlink", "-f", "/usr/bin/java").output().strip();
    assertTrue(java.startsWith("/usr/lib/jvm/"), java);
    Sandbox.ExecResult owner = run("dpkg", "-S", java);
    assertEquals(0, owner.exitCode(), owner.output());
    assertTrue(owner.output().startsWith("openjdk-"), owner.output());

    assertEquals("3", ok(run("modsvc-agent", "eval", "--expr", "1 + 2")).strip());
    assertEquals(
        "755 root root", ok(run("stat", "-c", "%a %U %G", "/usr/bin/modsvc-agent")).strip());
    assertTrue(
        ok(run("dpkg-query", "-W", "-f", "${Conffiles}", "modsvc-agent"))
            .contains(MODULES + "/hello.nix.example"));

    String page = ok(run("env", "MANWIDTH=200", "man", "-P", "cat", "modsvc-agent"));
    assertTrue(page.contains("MODSVC-AGENT(8)"), page);
    for (String expected : List.of("switch", "--keep-generations", "/etc/modsvc/modules/")) {
      assertTrue(page.contains(expected), expected + " in\n" + page);
    }
    String completions =
        ok(
            run(
                "bash",
                "-c",
                "source /usr/share/bash-completion/completions/modsvc-agent"
                    + " && COMP_WORDS=(modsvc-agent sw) COMP_CWORD=1 && _complete_modsvc-agent && echo \"${COMPREPLY[@]}\""));
    assertEquals("switch", completions.strip());

    // written by postinst for this java: the JVM maps it when told it must (-Xshare:on fails
    // otherwise)
    String archive = "/var/cache/modsvc-agent/modsvc-agent.jsa";
    assertEquals(0, run("test", "-s", archive).exitCode(), archive + " missing");
    Sandbox.ExecResult mapped =
        run(
            "java",
            "-XX:SharedArchiveFile=" + archive,
            "-Xshare:on",
            "-XX:+UseParallelGC",
            "-XX:TieredStopAtLevel=1",
            "-jar",
            "/usr/share/modsvc-agent/modsvc-agent.jar",
            "--version");
    assertEquals(0, mapped.exitCode(), mapped.output());
    assertTrue(
        ok(run("sh", "-x", "/usr/bin/modsvc-agent", "--version"))
            .contains("SharedArchiveFile=" + archive));
    // the daemon's JVM without the housekeeping wakeups of an idle JVM, once the launcher found
    // that this java takes those options (decisions §13)
    String daemonStart = ok(run("sh", "-x", "/usr/bin/modsvc-agent", "daemon", "--help"));
    for (String option :
        List.of("-XX:AsyncDeflationInterval=10000", "-XX:G1PeriodicGCInterval=86400000")) {
      assertTrue(daemonStart.contains(option), option + " in\n" + daemonStart);
    }
  }

  @Test
  @Order(2)
  void javaRuntimeChanged_dpkgTriggerWritesTheClassDataArchiveAgain() throws Exception {
    ensureInstalled();
    String archive = "/var/cache/modsvc-agent/modsvc-agent.jsa";
    ok(run("rm", "-f", archive));
    String java = run("readlink", "-f", "/usr/bin/java").output().strip();
    String runtimePackage = ok(run("dpkg", "-S", java)).split(":")[0];

    // what dpkg does when a package installs, upgrades or removes files under /usr/lib/jvm (a Java
    // security update)
    ok(run("dpkg-trigger", "--by-package=" + runtimePackage, "/usr/lib/jvm"));
    Sandbox.ExecResult triggers = run("dpkg", "--triggers-only", "--pending");
    assertEquals(0, triggers.exitCode(), triggers.output());

    assertTrue(
        triggers.output().contains("Processing triggers for modsvc-agent"), triggers.output());
    assertEquals(0, run("test", "-s", archive).exitCode(), archive + " not written again");
    Sandbox.ExecResult mapped =
        run(
            "java",
            "-XX:SharedArchiveFile=" + archive,
            "-Xshare:on",
            "-XX:+UseParallelGC",
            "-jar",
            "/usr/share/modsvc-agent/modsvc-agent.jar",
            "--version");
    assertEquals(0, mapped.exitCode(), mapped.output());
  }

  @Test
  @Order(3)
  void systemUnit_enabledAndActiveOnceReady_userUnitInstalledButEnabledForNoOne() throws Exception {
    assumeDaemon();
    ensureInstalled();
    assertEquals("notify", show("Type", "modsvc-agent.service"));
    assertEquals("active", show("ActiveState", "modsvc-agent.service"));
    assertEquals("enabled", show("UnitFileState", "modsvc-agent.service"));
    if (userUnitShipped) {
      assertEquals(0, run("test", "-f", "/usr/lib/systemd/user/modsvc-agent.service").exitCode());
      assertEquals(
          "disabled",
          run("systemctl", "--global", "is-enabled", "modsvc-agent.service").output().strip());
    }
  }

  @Test
  @Order(4)
  void moduleDroppedIntoModuleDirectory_itsServiceRunsWithoutAnyCommand() throws Exception {
    assumeDaemon();
    ensureInstalled();
    writeModule();

    waitFor(() -> "active".equals(show("ActiveState", SERVICE)), SERVICE + " active");
  }

  @Test
  @Order(5)
  void remove_stopsAgent_managedServiceKeepsRunning() throws Exception {
    ensureManaging();
    String pid = show("MainPID", SERVICE);

    Sandbox.ExecResult remove = apt("remove", "modsvc-agent");
    assertEquals(0, remove.exitCode(), remove.output());

    assertEquals(1, run("test", "-e", "/usr/bin/modsvc-agent").exitCode());
    if (systemUnitShipped) {
      assertNotEquals("active", show("ActiveState", "modsvc-agent.service"));
    }
    assertEquals("active", show("ActiveState", SERVICE));
    assertEquals(pid, show("MainPID", SERVICE));
    assertEquals(0, run("test", "-d", "/var/lib/modsvc/generations").exitCode());
  }

  @Test
  @Order(6)
  void purge_whileAgentManagesServices_keepsItsStateAndSaysHowToHandThemBack() throws Exception {
    if (!"config-files"
        .equals(packageState())) { // removed by the case before: purge what remove left
      ensureManaging();
    }
    String pid = show("MainPID", SERVICE);

    Sandbox.ExecResult purge = apt("purge", "modsvc-agent");
    assertEquals(0, purge.exitCode(), purge.output());

    assertTrue(purge.output().contains("kept /var/lib/modsvc"), purge.output());
    assertTrue(purge.output().contains("modsvc-agent switch --modules DIR"), purge.output());
    assertEquals("not-installed", packageState());
    assertEquals(0, run("test", "-d", "/var/lib/modsvc/generations").exitCode());
    assertEquals(1, run("test", "-e", "/var/cache/modsvc-agent").exitCode());
    assertEquals(
        0,
        run("test", "-f", MODULES + "/pkgtest.nix").exitCode(),
        "the host's own module is not the package's");
    assertEquals("active", show("ActiveState", SERVICE));
    assertEquals(pid, show("MainPID", SERVICE));
  }

  @Test
  @Order(7)
  void upgradeFromPreviousCommitsPackage_restartsAgent_notTheServicesItManages() throws Exception {
    assumeDaemon();
    String previous = previousCommitsPackage();
    if (!"not-installed".equals(packageState())) {
      ok(apt("purge", "modsvc-agent"));
    }
    Sandbox.ExecResult old = apt("install", previous);
    assertEquals(0, old.exitCode(), old.output());
    writeModule();
    waitFor(
        () -> "active".equals(show("ActiveState", SERVICE)),
        SERVICE + " active under the previous package");
    String agentPid = show("MainPID", "modsvc-agent.service");
    String servicePid = show("MainPID", SERVICE);
    Path example = box.hostPath(MODULES + "/hello.nix.example");
    String edited = Files.readString(example) + "# edited by the host's admin\n";
    Files.writeString(example, edited);

    Sandbox.ExecResult upgrade = apt("install", currentDeb);
    assertEquals(0, upgrade.exitCode(), upgrade.output());

    assertEquals(edited, Files.readString(example), "a conffile's edit is kept across the upgrade");

    assertEquals(
        "install ok installed " + currentVersion,
        run("dpkg-query", "-W", "-f", "${Status} ${Version}", "modsvc-agent").output());
    assertEquals("active", show("ActiveState", "modsvc-agent.service"));
    assertNotEquals(
        agentPid, show("MainPID", "modsvc-agent.service"), "the agent was not restarted");
    assertEquals("active", show("ActiveState", SERVICE));
    assertEquals(servicePid, show("MainPID", SERVICE), "the upgrade restarted a managed service");
  }

  @Test
  @Order(8)
  void userUnit_ofTheLingeringUser_convergesTheirModuleDirectory() throws Exception {
    assumeDaemon();
    assumeTrue(userUnitShipped, "the package ships no user unit (packaging/systemd/ has none)");
    ensureInstalled();
    String user = box.value("USER");
    int uid = box.uid();
    Path dir = box.hostPath("/home/" + user + "/.config/modsvc/modules");
    Files.createDirectories(dir);
    for (Path p = dir;
        p.startsWith(box.hostPath("/home/" + user + "/.config"));
        p = p.getParent()) {
      chown(p, uid);
    }
    Path module = dir.resolve("pkgtest-user.nix");
    Files.writeString(
        module,
        "{ ... }: {\n  home.services.pkgtest-user-sleeper.process.argv = [ \"/bin/sleep\""
            + " \"infinity\" ];\n}\n",
        StandardCharsets.UTF_8);
    chown(module, uid);

    try {
      ok(runAsUser("systemctl", "--user", "enable", "--now", "modsvc-agent.service"));
      waitFor(
          () ->
              "active"
                  .equals(
                      runAsUser("systemctl", "--user", "show", "-P", "ActiveState", USER_SERVICE)
                          .output()
                          .strip()),
          USER_SERVICE + " active in the user's manager");
      assertEquals(
          0,
          run("test", "-f", "/home/" + user + "/.config/systemd/user/" + USER_SERVICE).exitCode());
    } finally {
      Files.deleteIfExists(module);
      runAsUser("systemctl", "--user", "disable", "--now", "modsvc-agent.service");
    }
  }

  @Test
  @Order(9)
  void purge_afterServicesWereHandedBack_deletesTheAgentsState() throws Exception {
    ensureManaging();

    // the hand-back the purge message describes: an empty module directory, converged
    run("rm", "-f", MODULES + "/pkgtest.nix");
    if (systemUnitShipped) {
      waitFor(
          () ->
              !"active".equals(show("ActiveState", SERVICE))
                  && run("test", "-e", "/etc/systemd/system/" + SERVICE).exitCode() == 1,
          SERVICE + " stopped and its unit" + " file deleted by the agent");
    } else {
      ok(run("modsvc-agent", "switch"));
    }
    assertEquals(1, run("test", "-e", "/etc/systemd/system/" + SERVICE).exitCode());

    Sandbox.ExecResult purge = apt("purge", "modsvc-agent");
    assertEquals(0, purge.exitCode(), purge.output());
    assertFalse(purge.output().contains("kept /var/lib/modsvc"), purge.output());
    assertEquals("not-installed", packageState());
    for (String gone : List.of("/var/lib/modsvc", "/var/cache/modsvc-agent", MODULES)) {
      assertEquals(1, run("test", "-e", gone).exitCode(), gone + " left behind");
    }
  }

  // ---- preconditions ----

  private void assumeDaemon() {
    assumeTrue(
        systemUnitShipped,
        "the package ships no system unit: packaging/systemd/modsvc-agent.service (the"
            + " daemon's, issue 20) is not in this tree yet, so there is no agent service to start, watch or restart");
  }

  private void ensureInstalled() throws Exception {
    if (!"installed".equals(packageState())) {
      ok(apt("install", currentDeb));
    }
  }

  /**
   * The package installed and the agent managing {@link #SERVICE}: by the daemon when there is one,
   * else by a switch.
   */
  private void ensureManaging() throws Exception {
    ensureInstalled();
    writeModule();
    if (systemUnitShipped) {
      waitFor(() -> "active".equals(show("ActiveState", SERVICE)), SERVICE + " active");
    } else {
      ok(run("modsvc-agent", "switch"));
    }
    assertEquals("active", show("ActiveState", SERVICE));
  }

  private void writeModule() throws IOException {
    Path module = box.hostPath(MODULES + "/pkgtest.nix");
    if (Files.exists(module)) {
      return;
    }
    Files.createDirectories(module.getParent());
    Path tmp = module.resolveSibling(".pkgtest.nix.tmp");
    Files.writeString(
        tmp,
        "{ ... }: {\n  system.services.pkgtest-sleeper.process.argv = [ \"/bin/sleep\" \"infinity\" ];\n}\n",
        StandardCharsets.UTF_8);
    Files.setAttribute(tmp, "unix:mode", 0644);
    Files.move(tmp, module, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * The package built from HEAD~1 (its own Maven build, offline), so that the upgrade goes from
   * what came before to this tree, whatever changed. The commit is checked out in a shared clone in
   * a temporary directory rather than as a worktree: the repository (perhaps another checkout's git
   * directory, perhaps someone else's) is only read. Skipped, with the reason, without git history.
   */
  private String previousCommitsPackage() throws Exception {
    Sandbox.ExecResult parent =
        git(Duration.ofSeconds(30), "rev-parse", "--verify", "-q", "HEAD~1^{commit}");
    assumeTrue(
        parent.exitCode() == 0,
        "no previous commit to build an older package from (no git history here: "
            + parent.output().strip()
            + ")");
    String commit = parent.output().strip();
    assumeTrue(
        git(Duration.ofSeconds(30), "cat-file", "-e", commit + ":packaging/deb/build-deb")
                .exitCode()
            == 0,
        "the previous commit " + commit + " predates the Debian package");
    assumeTrue(
        git(
                    Duration.ofSeconds(30),
                    "cat-file",
                    "-e",
                    commit + ":packaging/systemd/modsvc-agent.service")
                .exitCode()
            == 0,
        "the previous commit "
            + commit
            + " has no agent unit (packaging/systemd/modsvc-agent.service): its package"
            + " runs no agent to restart");
    Path work = Files.createTempDirectory("modsvc-previous-package-");
    Path tree = work.resolve("tree");
    try {
      ok(
          git(
              Duration.ofMinutes(2),
              "clone",
              "-q",
              "--shared",
              "--no-checkout",
              repo.toString(),
              tree.toString()));
      ok(
          hostRun(
              Duration.ofMinutes(2),
              "git",
              "-C",
              tree.toString(),
              "checkout",
              "-q",
              "--detach",
              commit));
      Sandbox.ExecResult build =
          hostRun(
              Duration.ofMinutes(12),
              "mvn",
              "-B",
              "-q",
              "-o",
              "package",
              "-DskipTests",
              "-pl",
              "packaging",
              "-am",
              "-f",
              tree.resolve("pom.xml").toString());
      // a previous commit that does not build is that commit's defect, not this tree's: said, not
      // failed on
      assumeTrue(
          build.exitCode() == 0,
          "the previous commit "
              + commit
              + " does not build its package:\n"
              + build
                  .output()
                  .lines()
                  .filter(l -> l.contains("build-deb:") || l.startsWith("[ERROR]"))
                  .limit(8)
                  .reduce("", (a, b) -> a + b + "\n"));
      Path deb = onlyPackage(tree.resolve("packaging/target"));
      assumeTrue(
          hostCommand(Duration.ofSeconds(30), "dpkg-deb", "-c", deb.toString())
              .lines()
              .anyMatch(l -> l.endsWith("./usr/lib/systemd/system/modsvc-agent.service")),
          "the previous commit's package "
              + deb.getFileName()
              + " has no agent service to restart");
      return copyIntoContainer(deb);
    } finally {
      try (Stream<Path> walk = Files.walk(work)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  // ---- running things ----

  private String packageState() throws Exception {
    Sandbox.ExecResult r = run("dpkg-query", "-W", "-f", "${db:Status-Status}", "modsvc-agent");
    return r.exitCode() == 0 && !r.output().isBlank() ? r.output().strip() : "not-installed";
  }

  private Sandbox.ExecResult apt(String action, String what) throws Exception {
    return run(
        "env",
        "DEBIAN_FRONTEND=noninteractive",
        "apt-get",
        action,
        "-y",
        "-q",
        "--no-install-recommends",
        what);
  }

  private String show(String property, String unit) {
    try {
      return ok(run("systemctl", "show", "-P", property, unit)).strip();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private Sandbox.ExecResult run(String... command) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(box.execPrefix());
    cmd.addAll(List.of(command));
    return hostRun(Duration.ofMinutes(5), cmd.toArray(String[]::new));
  }

  private Sandbox.ExecResult runAsUser(String... command) {
    List<String> cmd = new ArrayList<>(box.execPrefix());
    cmd.add("-u");
    cmd.addAll(List.of(command));
    try {
      return hostRun(Duration.ofMinutes(2), cmd.toArray(String[]::new));
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private Sandbox.ExecResult git(Duration timeout, String... args)
      throws IOException, InterruptedException {
    // safe.directory: CI runs the tests as root in a checkout that another user owns
    List<String> cmd =
        new ArrayList<>(List.of("git", "-c", "safe.directory=*", "-C", repo.toString()));
    cmd.addAll(List.of(args));
    return hostRun(timeout, cmd.toArray(String[]::new));
  }

  private static Sandbox.ExecResult hostRun(Duration timeout, String... command)
      throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getOutputStream().close();
    StringBuilder out = new StringBuilder();
    Thread reader =
        new Thread(
            () -> {
              try {
                out.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
              } catch (IOException ignored) {
                // the process was killed below; what it printed so far is all there is
              }
            });
    reader.start();
    if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      reader.join(5000);
      fail(
          "timed out after "
              + timeout
              + ": "
              + String.join(" ", command)
              + "\n"
              + tail(out.toString()));
    }
    reader.join();
    return new Sandbox.ExecResult(p.exitValue(), out.toString());
  }

  private static String hostCommand(Duration timeout, String... command)
      throws IOException, InterruptedException {
    return ok(hostRun(timeout, command));
  }

  private static String ok(Sandbox.ExecResult r) {
    assertEquals(0, r.exitCode(), r.output());
    return r.output();
  }

  private static String tail(String s) {
    List<String> lines = s.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  private interface Check {
    boolean holds() throws Exception;
  }

  private static void waitFor(Check check, String what) throws Exception {
    long deadline = System.nanoTime() + CONVERGE.toNanos();
    while (!check.holds()) {
      if (System.nanoTime() > deadline) {
        fail("not within " + CONVERGE.toSeconds() + " s: " + what);
      }
      Thread.sleep(200);
    }
  }

  private static Path onlyPackage(Path dir) throws IOException {
    List<Path> debs = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "modsvc-agent_*_all.deb")) {
        s.forEach(debs::add);
      }
    }
    if (debs.size() != 1) {
      fail(
          "expected one modsvc-agent_*_all.deb in "
              + dir
              + " (built by the packaging module), found "
              + debs);
    }
    return debs.get(0);
  }

  /**
   * Copies a package into the container's /var/tmp and returns its path there (apt-get installs
   * ./paths).
   */
  private String copyIntoContainer(Path deb) throws IOException {
    String inside = "/var/tmp/" + deb.getFileName();
    Path target = box.hostPath(inside);
    Files.createDirectories(target.getParent());
    Files.copy(deb, target, StandardCopyOption.REPLACE_EXISTING);
    Files.setAttribute(target, "unix:mode", 0644);
    return inside;
  }

  private static void chown(Path p, int uid) throws IOException {
    Files.setAttribute(p, "unix:uid", uid);
    Files.setAttribute(p, "unix:gid", uid);
  }
}
