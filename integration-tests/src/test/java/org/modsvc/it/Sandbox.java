package org.modsvc.it;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.modsvc.switcher.systemd.BusAddress;
import org.modsvc.switcher.systemd.JournalTail;

/**
 * The running sandbox as described by the env file that {@code integration-tests/sandbox/up} writes
 * (its path in {@code MODSVC_SANDBOX_ENV}). Without it the tests are skipped with a message, unless
 * {@code MODSVC_SANDBOX_REQUIRED=1} (CI), where a missing sandbox is a failure.
 */
final class Sandbox {
  private static Sandbox instance;
  private final Map<String, String> env;

  private Sandbox(Map<String, String> env) {
    this.env = env;
  }

  static synchronized Sandbox get() {
    if (instance != null) {
      return instance;
    }
    String file = System.getenv("MODSVC_SANDBOX_ENV");
    boolean required =
        "1".equals(System.getenv("MODSVC_SANDBOX_REQUIRED"))
            || Boolean.getBoolean("modsvc.sandbox.required");
    if (file == null || file.isBlank() || !Files.isRegularFile(Path.of(file))) {
      String why =
          "no sandbox: MODSVC_SANDBOX_ENV="
              + file
              + " is not an env file; run these tests through integration-tests/run-with-sandbox (as root)";
      if (required) {
        fail(why + " (MODSVC_SANDBOX_REQUIRED=1)");
      }
      assumeTrue(false, why);
    }
    instance = new Sandbox(readEnv(Path.of(file)));
    return instance;
  }

  private static Map<String, String> readEnv(Path file) {
    Map<String, String> env = new HashMap<>();
    try {
      for (String line : Files.readAllLines(file)) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          env.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
    } catch (IOException e) {
      fail("cannot read " + file + ": " + e);
    }
    return env;
  }

  /**
   * Another instance of the harness beside this one, named {@code <this name>-<suffix>}, booted (or
   * reused) with extra harness settings (e.g. {@code MODSVC_SANDBOX_HOST_JAVA=0}): for a test that
   * changes the container as a whole (installs a package, runs the agent as a service) and must not
   * share it with the other tests. The caller tears it down with {@link #down()}.
   */
  Sandbox sibling(String suffix, Map<String, String> settings)
      throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "env",
                "MODSVC_SANDBOX_NAME=" + value("NAME") + "-" + suffix,
                "MODSVC_SANDBOX_STATE=" + value("STATE")));
    settings.forEach((k, v) -> cmd.add(k + "=" + v));
    cmd.add(harnessScript("up"));
    // its progress goes to a file, not to this JVM's stderr (Surefire takes that for a corrupted
    // channel)
    Path log = Files.createTempFile("modsvc-sandbox-" + suffix + "-", ".log");
    try {
      Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
      p.getOutputStream().close();
      String envFile =
          new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0) {
        p.destroyForcibly();
        fail(
            "sandbox instance "
                + value("NAME")
                + "-"
                + suffix
                + " did not come up:\n"
                + Files.readString(log));
      }
      return new Sandbox(readEnv(Path.of(envFile)));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /** Tears this instance down (the harness's {@code down}: clean halt, nothing left behind). */
  void down() throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                "env",
                "MODSVC_SANDBOX_NAME=" + value("NAME"),
                "MODSVC_SANDBOX_STATE=" + value("STATE"),
                harnessScript("down"))
            .redirectErrorStream(true)
            .start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      fail("sandbox instance " + value("NAME") + " did not go down cleanly:\n" + out);
    }
  }

  private String harnessScript(String name) {
    return Path.of(value("EXEC")).resolveSibling(name).toString();
  }

  String value(String key) {
    String v = env.get("MODSVC_SANDBOX_" + key);
    if (v == null) {
      fail("env file lacks MODSVC_SANDBOX_" + key);
    }
    return v;
  }

  BusAddress bus(Scope scope) {
    return BusAddress.of(value(scope == Scope.SYSTEM ? "SYSTEM_BUS_ADDRESS" : "USER_BUS_ADDRESS"));
  }

  /** The host path of a path inside the container (the overlay root is mounted on the host too). */
  Path hostPath(String containerPath) {
    return Path.of(value("ROOT") + containerPath);
  }

  int uid() {
    return Integer.parseInt(value("UID"));
  }

  /**
   * Writes a unit file where the scope's manager looks (user units owned by the lingering user).
   */
  void writeUnit(Scope scope, String name, String content) throws IOException {
    Path dir = Path.of(value(scope == Scope.SYSTEM ? "UNIT_DIR" : "USER_UNIT_DIR"));
    Files.createDirectories(dir);
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    if (scope == Scope.USER) {
      Files.setAttribute(file, "unix:uid", uid());
      Files.setAttribute(file, "unix:gid", uid());
    }
  }

  void deleteUnit(Scope scope, String name) throws IOException {
    Files.deleteIfExists(
        Path.of(value(scope == Scope.SYSTEM ? "UNIT_DIR" : "USER_UNIT_DIR")).resolve(name));
  }

  /**
   * A directory inside the container, writable by the scope's services, created from the host.
   * Sticky (1777, as /tmp): the system agent refuses module directories below a directory another
   * user could rename them in (StrictModes), and a sticky root-owned one is not such a directory.
   */
  String scratchDir(Scope scope) throws IOException {
    String dir = "/var/lib/modsvc-it";
    Path host = hostPath(dir);
    Files.createDirectories(host);
    Files.setAttribute(host, "unix:mode", 01777);
    return dir;
  }

  JournalTail journal(Scope scope) {
    return JournalTail.command(execPrefix(), scope == Scope.USER);
  }

  /** Runs a command inside the container as root; returns exit code and combined output. */
  ExecResult exec(String... command) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(execPrefix());
    cmd.addAll(List.of(command));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("timed out: " + cmd);
    }
    return new ExecResult(p.exitValue(), out);
  }

  /** The harness's exec script, told which instance to enter. */
  List<String> execPrefix() {
    return List.of(
        "env",
        "MODSVC_SANDBOX_NAME=" + value("NAME"),
        "MODSVC_SANDBOX_STATE=" + value("STATE"),
        value("EXEC"));
  }

  record ExecResult(int exitCode, String output) {}

  enum Scope {
    SYSTEM,
    USER
  }
}
