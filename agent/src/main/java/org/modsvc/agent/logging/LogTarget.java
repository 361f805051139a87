package org.modsvc.agent.logging;

/** Where {@link AgentLogging#configureForDaemon()} sends the daemon's records. */
public enum LogTarget {
  /**
   * journald's native socket, with structured fields (stderr with priority prefixes when a send
   * fails).
   */
  JOURNAL_NATIVE,
  /**
   * stderr is journald's stream but the native socket could not be opened: lines with {@code <N>}
   * prefixes.
   */
  JOURNAL_STREAM,
  /** Not under journald: plain lines with time and level on stderr. */
  STDERR
}
