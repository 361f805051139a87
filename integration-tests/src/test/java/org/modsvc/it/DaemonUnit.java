package org.modsvc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.modsvc.it.Sandbox.Scope;

/**
 * {@code modsvc-agent daemon} as a systemd unit inside the container: the unit file of {@code
 * packaging/systemd} installed where a package puts it, {@code /usr/bin/modsvc-agent} linked to the
 * repository's launcher (bound read-only at /opt/modsvc), and a runtime drop-in that gives it the
 * host JDK ({@code JAVA_HOME}) and the test's settings. The module files are written from the host
 * into the container's module directory, each by a rename into place as editors do.
 */
final class DaemonUnit {
  static final String UNIT = "modsvc-agent.service";
  private final Sandbox sandbox = Sandbox.get();
  private final Scope scope;
  private long installedAt;

  DaemonUnit(Scope scope) {
    this.scope = scope;
  }

  /**
   * The module directory inside the container: the mode's default, which the unit does not
   * override.
   */
  String modulesDir() {
    return scope == Scope.SYSTEM ? "/etc/modsvc/modules" : home() + "/.config/modsvc/modules";
  }

  String home() {
    return "/home/" + sandbox.value("USER");
  }

  Path modulesOnHost() {
    return sandbox.hostPath(modulesDir());
  }

  /**
   * Installs the unit and its drop-in ({@code [Service]} lines such as {@code Environment=} or
   * {@code WatchdogSec=}, and {@code daemonArgs} appended to the packaged command line), with an
   * empty module directory.
   */
  void install(List<String> serviceLines, String... daemonArgs) throws Exception {
    installedAt = now();
    Path repo = Path.of(sandbox.value("REPO_ON_HOST"));
    Path unitSource =
        repo.resolve(
            scope == Scope.SYSTEM
                ? "packaging/systemd/modsvc-agent.service"
                : "packaging/systemd/modsvc-agent-user.service");
    Path unitTarget =
        sandbox.hostPath(
            scope == Scope.SYSTEM
                ? "/lib/systemd/system/" + UNIT
                : "/usr/lib/systemd/user/" + UNIT);
    Files.createDirectories(unitTarget.getParent());
    Files.copy(unitSource, unitTarget, StandardCopyOption.REPLACE_EXISTING);
    Path launcher = sandbox.hostPath("/usr/bin/modsvc-agent");
    Files.deleteIfExists(launcher);
    Files.createSymbolicLink(launcher, Path.of("/opt/modsvc/bin/modsvc-agent"));
    String exec = execStart(unitSource);
    List<String> lines = new ArrayList<>();
    lines.add("[Service]");
    lines.add("Environment=JAVA_HOME=" + System.getProperty("java.home"));
    lines.addAll(serviceLines);
    lines.add("ExecStart=");
    lines.add(
        "ExecStart=" + exec + (daemonArgs.length == 0 ? "" : " " + String.join(" ", daemonArgs)));
    writeDropIn("50-test.conf", String.join("\n", lines) + "\n");
    Path modules = modulesOnHost();
    if (Files.exists(modules)) {
      try (var s = Files.walk(modules)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Files.createDirectories(modules);
    if (scope == Scope.USER) {
      for (Path p = modules; !p.equals(sandbox.hostPath(home())); p = p.getParent()) owned(p);
    }
  }

  private static String execStart(Path unit) throws IOException {
    for (String line : Files.readAllLines(unit, StandardCharsets.UTF_8)) {
      if (line.startsWith("ExecStart=")) return line.substring("ExecStart=".length());
    }
    throw new AssertionError("no ExecStart in " + unit);
  }

  /**
   * The drop-in lives in the manager's runtime directory (a tmpfs inside the container), so it is
   * written there.
   */
  void writeDropIn(String name, String text) throws Exception {
    String dir =
        scope == Scope.SYSTEM
            ? "/run/systemd/system/" + UNIT + ".d"
            : "/run/user/" + sandbox.uid() + "/systemd/user/" + UNIT + ".d";
    ok(
        sh(
            "mkdir -p "
                + dir
                + " && cat > "
                + dir
                + "/"
                + name
                + " <<'EOF'\n"
                + text
                + "EOF\n"
                + systemctl()
                + " daemon-reload"));
  }

  String systemctl() {
    return scope == Scope.SYSTEM ? "systemctl" : "systemctl --user";
  }

  Sandbox.ExecResult sh(String script) throws Exception {
    return scope == Scope.SYSTEM ? sandbox.exec("sh", "-c", script) : userExec("sh", "-c", script);
  }

  private Sandbox.ExecResult userExec(String... command) throws Exception {
    List<String> cmd = new ArrayList<>(sandbox.execPrefix());
    cmd.add("-u");
    cmd.addAll(List.of(command));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return new Sandbox.ExecResult(p.exitValue(), out);
  }

  /** {@code systemctl show --value -p PROPERTY UNIT} of the scope's manager. */
  String show(String unit, String property) throws Exception {
    Sandbox.ExecResult r = sh(systemctl() + " show --value -p " + property + " " + unit);
    ok(r);
    return r.output().strip();
  }

  String status() throws Exception {
    return show(UNIT, "StatusText");
  }

  long mainPid(String unit) throws Exception {
    return Long.parseLong(show(unit, "MainPID"));
  }

  /** The unit's journal since it was installed by this test. */
  String journal() throws Exception {
    return journalSince(installedAt);
  }

  /** The unit's journal from {@code epochSecond} on (the container shares the host's clock). */
  String journalSince(long epochSecond) throws Exception {
    String which = scope == Scope.SYSTEM ? "--unit=" + UNIT : "--user-unit=" + UNIT;
    // the user's journal is the system journal here (volatile storage, no per-user files): read it
    // as root
    return sandbox
        .exec("journalctl", "--no-pager", "-o", "cat", which, "--since=@" + epochSecond)
        .output();
  }

  static long now() {
    return java.time.Instant.now().getEpochSecond();
  }

  /** Writes a module file by a rename into place, as an editor saves. */
  void writeModule(String file, String text) throws IOException {
    Path dir = modulesOnHost();
    Path tmp = dir.resolve("." + file + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    if (scope == Scope.USER) owned(tmp);
    Files.move(
        tmp,
        dir.resolve(file),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }

  void owned(Path p) throws IOException {
    Files.setAttribute(p, "unix:uid", sandbox.uid(), java.nio.file.LinkOption.NOFOLLOW_LINKS);
    Files.setAttribute(p, "unix:gid", sandbox.uid(), java.nio.file.LinkOption.NOFOLLOW_LINKS);
  }

  void removeModules() throws IOException {
    Path modules = modulesOnHost();
    if (!Files.exists(modules)) return;
    try (var s = Files.list(modules)) {
      for (Path p : s.toList()) Files.deleteIfExists(p);
    }
  }

  /** Stops the unit and removes the drop-in; the module directory is emptied. */
  void uninstall() throws Exception {
    sh(
        systemctl()
            + " stop "
            + UNIT
            + "; "
            + systemctl()
            + " reset-failed "
            + UNIT
            + " 2>/dev/null; true");
    String dir =
        scope == Scope.SYSTEM
            ? "/run/systemd/system/" + UNIT + ".d"
            : "/run/user/" + sandbox.uid() + "/systemd/user/" + UNIT + ".d";
    sh("rm -rf " + dir + " && " + systemctl() + " daemon-reload");
  }

  /**
   * {@code modsvc-agent status --json} run as root in the container (the system instance's client;
   * the jar is the repository's, bound at /opt/modsvc).
   */
  String statusJson() throws Exception {
    Sandbox.ExecResult r =
        sandbox.exec(
            System.getProperty("java.home") + "/bin/java",
            "-jar",
            SwitchAgent.JAR,
            "status",
            "--json");
    return r.output();
  }

  /** The number that {@code key} has in {@code json} (the status's flat fields). */
  static long jsonNumber(String json, String key) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"" + key + "\": ?(\\d+)").matcher(json);
    if (!m.find()) throw new AssertionError("no number " + key + " in " + json);
    return Long.parseLong(m.group(1));
  }

  /** The string that {@code key} has in {@code json} (the status's flat fields). */
  static String jsonString(String json, String key) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"" + key + "\": ?\"([^\"]*)\"").matcher(json);
    if (!m.find()) throw new AssertionError("no string " + key + " in " + json);
    return m.group(1);
  }

  /** The daemon's status line and the last {@code lines} of its journal, for a failed wait. */
  Check.Context statusAndJournal(int lines) {
    return () -> {
      String[] all = journal().split("\n");
      return "status: "
          + status()
          + "\njournal:\n"
          + String.join(
              "\n",
              java.util.Arrays.asList(all).subList(Math.max(0, all.length - lines), all.length));
    };
  }

  static void ok(Sandbox.ExecResult r) {
    assertEquals(0, r.exitCode(), r.output());
  }

  /**
   * Polls {@code condition} every 50 ms up to {@code seconds}; fails with {@code what} and {@code
   * context}.
   */
  static void await(double seconds, String what, Check condition, Check.Context context)
      throws Exception {
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out after " + seconds + " s waiting for " + what + "\n" + context.describe());
      }
      Thread.sleep(50);
    }
  }

  /** A condition that may read the container. */
  interface Check {
    boolean holds() throws Exception;

    /** What to show when a wait times out (the daemon's journal, usually). */
    interface Context {
      String describe() throws Exception;
    }
  }
}
