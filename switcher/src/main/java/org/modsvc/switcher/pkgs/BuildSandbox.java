package org.modsvc.switcher.pkgs;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a build script isolated on the host, with util-linux's {@code unshare} and {@code setpriv}:
 *
 * <ul>
 *   <li>new network namespace (only a loopback that is down: no network at all), mount namespace,
 *       and PID namespace with its own {@code /proc} (the build sees and signals only its own
 *       processes; when its first process ends, the kernel kills the rest);
 *   <li>when the agent is root, the script runs as {@link #BUILD_UID}:{@link #BUILD_GID} ({@code
 *       nobody:nogroup}) with no supplementary groups, no capabilities (bounding set emptied) and
 *       {@code no_new_privs}, so it cannot gain them back through set-user-ID programs. {@code
 *       nobody} is the one unprivileged account every Debian host has, owns no files, and needs no
 *       user to be created; what another {@code nobody} process could reach is the build's
 *       directory, which lives in a directory only root can list, under a random name, and is taken
 *       away from the build user before its output is read. An agent that is not root (user mode)
 *       builds as itself in a user namespace mapping only its own uid;
 *   <li>a time limit: the {@code unshare} process is killed, and with it (parent-death signal) the
 *       build's first process and so its whole PID namespace.
 * </ul>
 *
 * Without {@code unshare}, or where the kernel refuses the namespaces, nothing runs: the build
 * fails with the reason, because an unisolated build could reach the network and its result would
 * be cached as if pure.
 */
final class BuildSandbox {
  static final int BUILD_UID = 65534;
  static final int BUILD_GID = 65534;

  /** How much of the end of a failed build's log the error shows. */
  private static final int LOG_TAIL_LINES = 40;

  /**
   * The outcome of one run: its exit status (-1 when it was killed at the time limit) and its log's
   * tail.
   */
  record Outcome(int exitCode, boolean timedOut, String logTail) {}

  private final boolean privileged;
  private final Duration timeout;

  BuildSandbox(boolean privileged, Duration timeout) {
    this.privileged = privileged;
    this.timeout = timeout;
  }

  boolean privileged() {
    return privileged;
  }

  /**
   * Runs {@code bash script} in {@code workDir} with exactly {@code env}. When {@code storeBind} is
   * given (a store on disk, under {@code --root}, and the store directory the evaluation's paths
   * name), the first is mounted over the second inside the build's mount namespace, so the inputs
   * are where their paths say.
   */
  Outcome run(
      Path script,
      Path workDir,
      Map<String, String> env,
      Optional<Map.Entry<Path, String>> storeBind,
      Path log)
      throws IOException {
    List<String> cmd = new ArrayList<>(List.of(tool("unshare")));
    if (!privileged) cmd.addAll(List.of("--user", "--map-current-user"));
    cmd.addAll(
        List.of("--mount", "--net", "--pid", "--fork", "--kill-child", "--mount-proc", "--"));
    if (storeBind.isPresent()) {
      if (!privileged) {
        throw new IOException(
            "a build with --root needs the agent to run as root (it mounts the store of the root "
                + "over "
                + storeBind.get().getValue()
                + " for the build)");
      }
      cmd.addAll(
          List.of(
              "/bin/sh",
              "-c",
              "mount --bind \"$1\" \"$2\" && shift 2 && exec \"$@\"",
              "sh",
              storeBind.get().getKey().toString(),
              storeBind.get().getValue()));
    }
    if (privileged) {
      cmd.addAll(
          List.of(
              tool("setpriv"),
              "--reuid=" + BUILD_UID,
              "--regid=" + BUILD_GID,
              "--clear-groups",
              "--no-new-privs",
              "--inh-caps=-all",
              "--bounding-set=-all",
              "--pdeathsig=KILL",
              "--"));
    }
    cmd.addAll(List.of(bash(), "--noprofile", "--norc", script.toString()));
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.environment().clear();
    // for the mount above; the build's own PATH is set by its script
    pb.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
    pb.environment().putAll(env);
    Process p = pb.start();
    boolean finished;
    try {
      finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while building", e);
    }
    return new Outcome(finished ? p.exitValue() : -1, !finished, tail(log));
  }

  /**
   * Whether the namespaces can be made here at all (asked once per evaluation, before the first
   * build).
   */
  Optional<String> unavailableReason(Path workDir) {
    try {
      Path log = Files.createTempFile(workDir, "probe", ".log");
      try {
        List<String> cmd = new ArrayList<>(List.of(tool("unshare")));
        if (!privileged) cmd.addAll(List.of("--user", "--map-current-user"));
        cmd.addAll(
            List.of(
                "--mount",
                "--net",
                "--pid",
                "--fork",
                "--kill-child",
                "--mount-proc",
                "--",
                "/bin/true"));
        Process p =
            new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          return Optional.of("unshare did not return within 30 s");
        }
        return p.exitValue() == 0
            ? Optional.empty()
            : Optional.of(
                "unshare failed (" + Files.readString(log, StandardCharsets.UTF_8).strip() + ")");
      } finally {
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      return Optional.of(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    }
  }

  /**
   * A tool of util-linux by absolute path, so that nothing on the agent's PATH is trusted for it.
   */
  private static String tool(String name) throws IOException {
    for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p)) return p.toString();
    }
    throw new IOException(
        "'" + name + "' (util-linux) is not installed; builds need it to run isolated");
  }

  private static String bash() throws IOException {
    for (String p : List.of("/bin/bash", "/usr/bin/bash")) {
      if (Files.isExecutable(Path.of(p))) return p;
    }
    throw new IOException("bash is not installed; builds run their scripts with it");
  }

  /** The last lines of the log, read from its end (a runaway build may have written a lot). */
  static String tail(Path log) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
      long len = f.length();
      long start = Math.max(0, len - 16384);
      byte[] b = new byte[(int) (len - start)];
      f.seek(start);
      f.readFully(b);
      String[] lines = new String(b, StandardCharsets.UTF_8).split("\n", -1);
      int end =
          lines.length > 0 && lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
      int from = Math.max(start > 0 ? 1 : 0, end - LOG_TAIL_LINES);
      return String.join("\n", java.util.Arrays.copyOfRange(lines, from, end));
    }
  }
}
