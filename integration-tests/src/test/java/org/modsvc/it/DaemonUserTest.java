package org.modsvc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
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
 * The lingering user's daemon under {@code systemctl --user} (the packaged user unit): it converges
 * {@code ~/.config/modsvc/modules} into the user manager, runs with the user's rights, and leaves
 * the system's units and files alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DaemonUserTest {
  private final String id = UUID.randomUUID().toString().substring(0, 8);
  private final DaemonUnit daemon = new DaemonUnit(Scope.USER);
  private final Sandbox sandbox = Sandbox.get();
  private final String svc = "du-app-" + id;

  @BeforeAll
  void install() throws Exception {
    sandbox.scratchDir(Scope.USER);
    daemon.install(List.of(), "--settle", "1");
  }

  @AfterAll
  void uninstall() throws Exception {
    daemon.uninstall();
    daemon.removeModules();
  }

  private String module(int pause) {
    return "{ pkgs, ... }: {\n"
        + "  home.services.\""
        + svc
        + "\" = {\n"
        + "    process.argv = [ pkgs.runtimeShell \"-c\" \"while true; do sleep "
        + pause
        + " & wait $!; done\" ];\n"
        + "  };\n"
        + "}\n";
  }

  private Check.Context journal() {
    return () -> "status: " + daemon.status() + "\njournal:\n" + daemon.journal();
  }

  @Test
  @Order(1)
  void userInstance_convergesTheUsersModules_intoTheUserManager() throws Exception {
    daemon.writeModule("app.nix", module(1));
    DaemonUnit.ok(daemon.sh("systemctl --user start " + DaemonUnit.UNIT));
    assertEquals("active", daemon.show(DaemonUnit.UNIT, "ActiveState"));
    assertEquals("active", daemon.show(svc + ".service", "ActiveState"), journal().describe());
    assertTrue(daemon.status().startsWith("generation "), daemon.status());
    assertTrue(
        Files.isRegularFile(
            sandbox.hostPath(daemon.home() + "/.config/systemd/user/" + svc + ".service")));
  }

  @Test
  @Order(2)
  void userInstance_runsAsTheUser_andLeavesTheSystemAlone() throws Exception {
    long pid = daemon.mainPid(DaemonUnit.UNIT);
    // the pid is the container's: its /proc is read inside
    String status = sandbox.exec("cat", "/proc/" + pid + "/status").output();
    assertTrue(
        status
            .lines()
            .anyMatch(l -> l.matches("Uid:\\s+" + sandbox.uid() + "\\s+" + sandbox.uid() + ".*")),
        status);
    assertFalse(Files.exists(sandbox.hostPath("/etc/systemd/system/" + svc + ".service")));
    Sandbox.ExecResult system =
        sandbox.exec("systemctl", "show", "--value", "-p", "LoadState", svc + ".service");
    assertEquals(
        "not-found",
        system.output().strip(),
        "the system manager never heard of the user's service");
    // the user's daemon cannot write the system's unit directory (it would need root)
    Sandbox.ExecResult write = daemon.sh("touch /etc/systemd/system/" + svc + ".service");
    assertNotEquals(0, write.exitCode(), write.output());
  }

  @Test
  @Order(3)
  void userInstance_editedArgv_newPid_andAnErrorIsReportedWithItsPosition() throws Exception {
    long before = daemon.mainPid(svc + ".service");
    daemon.writeModule("app.nix", module(2));
    DaemonUnit.await(
        20,
        "a new MainPID",
        () -> {
          long now = daemon.mainPid(svc + ".service");
          return now != before && now > 0;
        },
        journal());
    DaemonUnit.await(20, "converged", () -> daemon.status().contains("converged"), journal());
    long pid = daemon.mainPid(svc + ".service");
    daemon.writeModule("app.nix", "{ pkgs, ... }: {\n  home.services.x = {\n");
    DaemonUnit.await(
        20, "the error", () -> daemon.status().startsWith("eval error in app.nix:"), journal());
    assertEquals(pid, daemon.mainPid(svc + ".service"));
  }

  /**
   * {@code modsvc-agent status --user} inside the container as {@code who} ({@code root} or a user
   * name), pointed at the lingering user's runtime directory and so at its agent's socket.
   */
  private Sandbox.ExecResult userStatusAs(String who) throws Exception {
    String java = System.getProperty("java.home") + "/bin/java";
    String runtime = "XDG_RUNTIME_DIR=/run/user/" + sandbox.uid();
    List<String> cmd = new java.util.ArrayList<>();
    if (!who.equals("root")) {
      String uid = sandbox.exec("id", "-u", who).output().strip();
      cmd.addAll(
          List.of(
              "setpriv",
              "--reuid=" + uid,
              "--regid=" + uid,
              "--clear-groups",
              "env",
              "HOME=/home/" + who));
    } else {
      cmd.add("env");
    }
    cmd.addAll(List.of(runtime, java, "-jar", SwitchAgent.JAR, "status", "--user", "--json"));
    return sandbox.exec(cmd.toArray(String[]::new));
  }

  private static void assertRefused(Sandbox.ExecResult r, String refusal) {
    assertNotEquals(0, r.exitCode(), r.output());
    String out = r.output().strip();
    assertEquals(1, out.lines().count(), "one line: " + out);
    assertTrue(out.startsWith("refused: "), out);
    assertTrue(out.contains(refusal), out);
    assertFalse(out.contains("\"state\""), "no status given: " + out);
  }

  @Test
  @Order(4)
  void userInstance_controlSocket_answersItsOwner_refusesAnotherUser_andRoot() throws Exception {
    // the owner is answered by the daemon (whatever state the cases before left it in)
    Sandbox.ExecResult owner =
        daemon.sh(
            System.getProperty("java.home")
                + "/bin/java -jar "
                + SwitchAgent.JAR
                + " status --user --json");
    assertTrue(owner.output().matches("(?s).*\"daemon\": ?true.*"), owner.output());
    assertEquals(
        daemon.mainPid(DaemonUnit.UNIT),
        DaemonUnit.jsonNumber(owner.output(), "pid"),
        owner.output());

    String other = "modsvc-other";
    DaemonUnit.ok(
        sandbox.exec(
            "sh",
            "-c",
            "id -u "
                + other
                + " >/dev/null 2>&1 || useradd --create-home --user-group --shell /bin/sh "
                + other));
    String socket = "/run/user/" + sandbox.uid() + "/modsvc/agent.sock";
    // the socket's modes (0600 in 0700 directories) keep the other user from reaching it at all
    assertRefused(userStatusAs(other), "permission denied");
    // and were they opened by mistake, the peer check still refuses the other user
    String modes =
        sandbox
            .exec(
                "stat",
                "-c",
                "%a",
                "/run/user/" + sandbox.uid(),
                socket.replace("/agent.sock", ""),
                socket)
            .output();
    List<String> was = modes.strip().lines().toList();
    assertEquals(3, was.size(), modes);
    try {
      DaemonUnit.ok(
          sandbox.exec(
              "sh",
              "-c",
              "chmod o+rx /run/user/"
                  + sandbox.uid()
                  + " "
                  + socket.replace("/agent.sock", "")
                  + " && chmod o+rw "
                  + socket));
      assertRefused(
          userStatusAs(other),
          "user " + other + " may not control the agent of uid " + sandbox.uid());
    } finally {
      DaemonUnit.ok(
          sandbox.exec(
              "sh",
              "-c",
              "chmod "
                  + was.get(0)
                  + " /run/user/"
                  + sandbox.uid()
                  + " && chmod "
                  + was.get(1)
                  + " "
                  + socket.replace("/agent.sock", "")
                  + " && chmod "
                  + was.get(2)
                  + " "
                  + socket));
    }
    // root passes the file modes, not the peer check: not even root drives someone's user agent
    assertRefused(
        userStatusAs("root"), "user root may not control the agent of uid " + sandbox.uid());
    assertEquals("active", daemon.show(DaemonUnit.UNIT, "ActiveState"));
  }
}
