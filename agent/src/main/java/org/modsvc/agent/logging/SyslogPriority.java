package org.modsvc.agent.logging;

import ch.qos.logback.classic.Level;

/**
 * syslog(3) priorities of logback levels, as journald's {@code PRIORITY=} field and {@code <N>}
 * prefix use them.
 */
final class SyslogPriority {
  static final int ERR = 3;
  static final int WARNING = 4;
  static final int INFO = 6;
  static final int DEBUG = 7;

  private SyslogPriority() {}

  static int of(Level level) {
    if (level.isGreaterOrEqual(Level.ERROR)) return ERR;
    if (level.isGreaterOrEqual(Level.WARN)) return WARNING;
    if (level.isGreaterOrEqual(Level.INFO)) return INFO;
    return DEBUG;
  }
}
