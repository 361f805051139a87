package org.modsvc.agent.daemon;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's own log lines (what it evaluates and why, how long a switch took, what happens
 * next), through the agent's logging ({@code agent/logging}: journald with priorities under
 * systemd). A switch's jobs and errors are logged by {@code SwitchLog}, with their structured
 * fields.
 */
final class DaemonLog {
  private final Logger log;

  DaemonLog(Logger log) {
    this.log = log;
  }

  static DaemonLog daemon() {
    return new DaemonLog(LoggerFactory.getLogger("org.modsvc.agent.daemon"));
  }

  void debug(String message) {
    log.debug(message);
  }

  void info(String message) {
    log.info(message);
  }

  void warning(String message) {
    log.warn(message);
  }

  void error(String message) {
    log.error(message);
  }
}
