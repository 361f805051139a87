package org.modsvc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The control socket inside the container, served by {@link ControlSocketHost} as a transient
 * systemd unit and asked by {@code modsvc-agent status} as root, as the unprivileged lingering
 * user, and as root at a user's socket: the kernel's peer credentials decide, the refusal is one
 * line, and a killed server's socket is replaced. (The daemon's own end-to-end status test is the
 * daemon's.)
 */
class ControlSocketTest {
  private static final String JAR = "/opt/modsvc/agent/target/modsvc-agent.jar";
  private static final String CLASSES = "/opt/modsvc/integration-tests/target/test-classes";
  private static final String SYSTEM_UNIT = "modsvc-control-it.service";
  private static final String USER_UNIT = "modsvc-control-it-user.service";

  private final Sandbox sandbox = Sandbox.get();

  private static String java() {
    return System.getProperty("java.home") + "/bin/java";
  }

  /**
   * Runs {@code command} in the container as root, or as the lingering user with {@code asUser}.
   */
  private Sandbox.ExecResult run(boolean asUser, String... command)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(sandbox.execPrefix());
    if (asUser) cmd.add("-u");
    cmd.addAll(List.of(command));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("timed out: " + cmd);
    }
    return new Sandbox.ExecResult(p.exitValue(), out);
  }

  private Sandbox.ExecResult status(boolean asUser, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(java(), "-jar", JAR, "status"));
    cmd.addAll(List.of(args));
    return run(asUser, cmd.toArray(String[]::new));
  }

  private void startHost(boolean asUser, String unit, String socket, long allowedUid)
      throws Exception {
    List<String> cmd = new ArrayList<>(List.of("systemd-run"));
    if (asUser) cmd.add("--user");
    cmd.addAll(
        List.of(
            "--unit=" + unit,
            "--service-type=exec",
            "--",
            java(),
            "-cp",
            JAR + ":" + CLASSES,
            ControlSocketHost.class.getName(),
            socket,
            Long.toString(allowedUid)));
    Sandbox.ExecResult started = run(asUser, cmd.toArray(String[]::new));
    assertEquals(0, started.exitCode(), started.output());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (run(asUser, "test", "-S", socket).exitCode() != 0) {
      if (System.nanoTime() > deadline) {
        fail(
            socket
                + " did not appear; "
                + unit
                + ": "
                + run(
                        asUser,
                        "systemctl",
                        asUser ? "--user" : "--system",
                        "status",
                        "--no-pager",
                        unit)
                    .output());
      }
      Thread.sleep(100);
    }
  }

  private String mainPid(boolean asUser, String unit) throws Exception {
    Sandbox.ExecResult r =
        run(
            asUser,
            "systemctl",
            asUser ? "--user" : "--system",
            "show",
            "-p",
            "MainPID",
            "--value",
            unit);
    assertEquals(0, r.exitCode(), r.output());
    return r.output().strip();
  }

  private void stop(boolean asUser, String unit) throws Exception {
    run(asUser, "systemctl", asUser ? "--user" : "--system", "stop", unit);
    run(asUser, "systemctl", asUser ? "--user" : "--system", "reset-failed", unit);
  }

  @Test
  void systemSocketAnswersRootAndRefusesAnUnprivilegedUser() throws Exception {
    String socket = "/run/modsvc/agent.sock";
    try {
      startHost(false, SYSTEM_UNIT, socket, 0);
      String pid = mainPid(false, SYSTEM_UNIT);

      Sandbox.ExecResult root = status(false);
      assertEquals(0, root.exitCode(), root.output());
      assertTrue(
          root.output()
              .startsWith("system agent (pid " + pid + "): generation 3, 2 units, converged "),
          root.output());
      Sandbox.ExecResult json = status(false, "--json");
      assertEquals(0, json.exitCode(), json.output());
      assertTrue(
          json.output().contains("\"daemon\": true")
              && json.output().contains("\"pid\": " + pid + ","),
          json.output());

      Sandbox.ExecResult user = status(true);
      assertEquals(1, user.exitCode(), user.output());
      assertEquals(
          "refused: user "
              + sandbox.value("USER")
              + " may not control the system agent (root only)\n",
          user.output());

      Sandbox.ExecResult modes = run(false, "stat", "-c", "%n %a %U", "/run/modsvc", socket);
      assertEquals("/run/modsvc 755 root\n" + socket + " 666 root\n", modes.output());

      // a killed server leaves its socket: status says nobody answers, and the next server replaces
      // it
      assertEquals(0, run(false, "systemctl", "kill", "-s", "KILL", SYSTEM_UNIT).exitCode());
      waitUntilInactive(SYSTEM_UNIT);
      assertEquals(
          0,
          run(false, "test", "-S", socket).exitCode(),
          "the killed server's socket is left behind");
      Sandbox.ExecResult none = status(false);
      assertTrue(
          none.output().startsWith("no agent runs (nothing answers on " + socket + ")\n"),
          none.output());
      stop(false, SYSTEM_UNIT);
      startHost(false, SYSTEM_UNIT, socket, 0);
      String second = mainPid(false, SYSTEM_UNIT);
      Sandbox.ExecResult again = status(false);
      assertTrue(again.output().startsWith("system agent (pid " + second + "): "), again.output());

      // a clean stop removes the socket
      stop(false, SYSTEM_UNIT);
      assertEquals(
          1, run(false, "test", "-e", socket).exitCode(), "the socket is removed on SIGTERM");
      Sandbox.ExecResult gone = status(false);
      assertTrue(
          gone.output().startsWith("no agent runs (no socket at " + socket + ")\n"), gone.output());
    } finally {
      stop(false, SYSTEM_UNIT);
    }
  }

  @Test
  void userSocketAnswersItsOwnerOnly() throws Exception {
    int uid = sandbox.uid();
    String runtime = "/run/user/" + uid;
    String socket = runtime + "/modsvc/agent.sock";
    try {
      startHost(true, USER_UNIT, socket, uid);
      String pid = mainPid(true, USER_UNIT);

      Sandbox.ExecResult owner = status(true, "--user");
      assertEquals(0, owner.exitCode(), owner.output());
      assertTrue(
          owner
              .output()
              .startsWith("user agent (pid " + pid + "): generation 3, 2 units, converged "),
          owner.output());

      // root reaches the user's socket (it may enter any directory) and is refused by the peer
      // check
      Sandbox.ExecResult root =
          run(false, "env", "XDG_RUNTIME_DIR=" + runtime, java(), "-jar", JAR, "status", "--user");
      assertEquals(1, root.exitCode(), root.output());
      assertEquals(
          "refused: user root may not control the agent of uid " + uid + " (its owner only)\n",
          root.output());

      Sandbox.ExecResult modes = run(false, "stat", "-c", "%n %a %u", runtime + "/modsvc", socket);
      assertEquals(
          runtime + "/modsvc 700 " + uid + "\n" + socket + " 600 " + uid + "\n", modes.output());
    } finally {
      stop(true, USER_UNIT);
    }
  }

  private void waitUntilInactive(String unit) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (run(false, "systemctl", "is-active", "--quiet", unit).exitCode() == 0) {
      if (System.nanoTime() > deadline) fail(unit + " still active after SIGKILL");
      Thread.sleep(100);
    }
  }
}
