package org.modsvc.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.modsvc.it.Sandbox.Scope;

/**
 * Runs {@code modsvc-agent} inside the container (host JDK and jar bound read-only), as root for
 * the system manager or as the lingering user for the user manager, with a configuration made of
 * ready unit files ({@code --units}) or of Nix module files ({@code --modules}).
 */
final class SwitchAgent {
  static final String JAR = "/opt/modsvc/agent/target/modsvc-agent.jar";
  private final Sandbox sandbox = Sandbox.get();
  private final Scope scope;

  SwitchAgent(Scope scope) {
    this.scope = scope;
  }

  /** The command line that runs the agent in the container with {@code env} set. */
  List<String> command(List<String> env, String... args) {
    List<String> cmd = new ArrayList<>(sandbox.execPrefix());
    if (scope == Scope.USER) {
      cmd.add("-u");
    }
    cmd.add("env");
    cmd.addAll(env);
    cmd.addAll(List.of(System.getProperty("java.home") + "/bin/java", "-jar", JAR));
    cmd.addAll(List.of(args));
    if (scope == Scope.USER && args.length > 0) {
      cmd.add(cmd.size() - args.length + 1, "--user");
    }
    return cmd;
  }

  Sandbox.ExecResult run(String... args) throws IOException, InterruptedException {
    return run(List.of(), args);
  }

  Sandbox.ExecResult run(List<String> env, String... args)
      throws IOException, InterruptedException {
    Process p = start(env, args);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("agent timed out: " + String.join(" ", args));
    }
    return new Sandbox.ExecResult(p.exitValue(), out);
  }

  Process start(List<String> env, String... args) throws IOException {
    Process p = new ProcessBuilder(command(env, args)).redirectErrorStream(true).start();
    p.getOutputStream().close();
    return p;
  }

  /**
   * Starts a switch that pauses at the first step starting with {@code step} (the agent's test
   * hook), waits until it has paused, kills it with SIGKILL inside the container and returns what
   * it printed.
   */
  String killAt(String step, String... args) throws IOException, InterruptedException {
    Process p = start(List.of("MODSVC_TEST_PAUSE_AT=" + step), args);
    StringBuilder seen = new StringBuilder();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        seen.append(line).append('\n');
        if (line.startsWith("modsvc: paused at ")) {
          String pid = line.substring(line.lastIndexOf("(pid ") + 5, line.length() - 1);
          Sandbox.ExecResult kill = sandbox.exec("kill", "-9", pid);
          if (kill.exitCode() != 0) {
            throw new AssertionError("kill -9 " + pid + " failed: " + kill.output());
          }
          break;
        }
      }
    }
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    if (!seen.toString().contains("modsvc: paused at ")) {
      throw new AssertionError("the agent never reached step '" + step + "':\n" + seen);
    }
    return seen.toString();
  }

  /** A fresh directory of unit files inside the container, readable by the user's agent too. */
  UnitsDir unitsDir(String name) throws IOException {
    String dir = sandbox.scratchDir(scope) + "/" + name + "-" + scope.name().toLowerCase();
    Path host = sandbox.hostPath(dir);
    if (Files.exists(host)) {
      try (var s = Files.walk(host)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Files.createDirectories(host);
    return new UnitsDir(dir, host);
  }

  /**
   * A fresh directory of Nix module files inside the container ({@code --modules}), readable by the
   * user too.
   */
  UnitsDir modulesDir(String name) throws IOException {
    return unitsDir(name);
  }

  /** The unit directory the agent manages, as a host path. */
  Path liveUnitDir() {
    return Path.of(sandbox.value(scope == Scope.SYSTEM ? "UNIT_DIR" : "USER_UNIT_DIR"));
  }

  record UnitsDir(String inContainer, Path onHost) {
    UnitsDir write(String unit, String text) throws IOException {
      Files.writeString(onHost.resolve(unit), text, StandardCharsets.UTF_8);
      return this;
    }

    UnitsDir delete(String unit) throws IOException {
      Files.deleteIfExists(onHost.resolve(unit));
      return this;
    }
  }
}
