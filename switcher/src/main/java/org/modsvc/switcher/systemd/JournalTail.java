package org.modsvc.switcher.systemd;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The last journal lines of a unit, shown next to a failed job. Pluggable because the journal lives
 * where the manager runs: on the host in production, inside the container in tests (the command
 * gets a prefix such as the sandbox's {@code exec}). A failure to read the journal never hides the
 * job result: it yields one line saying why.
 */
@FunctionalInterface
public interface JournalTail {
  int DEFAULT_LINES = 20;

  List<String> lastLines(String unit, int lines);

  static JournalTail none() {
    return (unit, lines) -> List.of();
  }

  /**
   * journalctl run as {@code prefix + [journalctl, ...]}. A user manager's units are matched by the
   * journal fields {@code _SYSTEMD_USER_UNIT} (the unit's own output) or {@code USER_UNIT} (the
   * user manager's messages about it), not by {@code --user-unit}: journalctl adds {@code _UID=} of
   * the caller to that option, so root would find nothing of another user's units. {@code
   * journalctl --sync} runs first (best effort) so the failed process's last lines, still queued in
   * journald, are on disk before we read.
   */
  static JournalTail command(List<String> prefix, boolean userUnits) {
    return (unit, lines) -> {
      List<String> sync = new ArrayList<>(prefix);
      sync.addAll(List.of("journalctl", "--sync"));
      run(sync);
      List<String> cmd = new ArrayList<>(prefix);
      cmd.add("journalctl");
      if (userUnits) {
        cmd.addAll(List.of("_SYSTEMD_USER_UNIT=" + unit, "+", "USER_UNIT=" + unit));
      } else {
        cmd.addAll(List.of("-u", unit));
      }
      cmd.addAll(List.of("-n", Integer.toString(lines), "--no-pager", "--quiet"));
      return run(cmd);
    };
  }

  private static List<String> run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] out = readAll(process.getInputStream());
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return List.of("(journal not available: " + String.join(" ", command) + " timed out)");
      }
      List<String> text = new String(out, StandardCharsets.UTF_8).lines().toList();
      if (process.exitValue() != 0) {
        return List.of(
            "(journal not available: "
                + String.join(" ", command)
                + " exited "
                + process.exitValue()
                + (text.isEmpty() ? "" : ": " + text.get(text.size() - 1))
                + ")");
      }
      return text;
    } catch (IOException e) {
      return List.of("(journal not available: " + e.getMessage() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of("(journal not available: interrupted)");
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    in.transferTo(buffer);
    return buffer.toByteArray();
  }
}
