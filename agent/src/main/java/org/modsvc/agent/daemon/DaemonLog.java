package org.modsvc.agent.daemon;

import java.io.PrintStream;
import java.util.Map;

/**
 * The daemon's log lines. Under systemd ({@code JOURNAL_STREAM} set) each line starts with its syslog priority
 * ({@code <4>}), which journald reads, so {@code journalctl -u modsvc-agent -p warning} shows warnings and errors
 * only; elsewhere lines are plain. A multi-line report is logged line by line, each with the priority.
 */
final class DaemonLog {
  enum Level {
    ERROR(3), WARNING(4), NOTICE(5), INFO(6);

    final int priority;

    Level(int priority) {
      this.priority = priority;
    }
  }

  private final PrintStream out;
  private final boolean prefixed;

  DaemonLog(PrintStream out, boolean prefixed) {
    this.out = out;
    this.prefixed = prefixed;
  }

  static DaemonLog forEnvironment(PrintStream err, Map<String, String> env) {
    return new DaemonLog(err, env.containsKey("JOURNAL_STREAM"));
  }

  void info(String message) {
    log(Level.INFO, message);
  }

  void notice(String message) {
    log(Level.NOTICE, message);
  }

  void warning(String message) {
    log(Level.WARNING, message);
  }

  void error(String message) {
    log(Level.ERROR, message);
  }

  synchronized void log(Level level, String message) {
    for (String line : message.strip().split("\n", -1)) {
      if (prefixed) out.print("<" + level.priority + ">");
      out.println(line);
    }
    out.flush();
  }
}
