package org.modsvc.agent.logging;

/**
 * The slf4j MDC keys that become journal fields (docs/decisions.md §10). Journal field names:
 * upper-case letters, digits and underscores, not starting with an underscore or a digit.
 */
public final class LogFields {
  /** The generation the record is about (the one switched to, or the one that keeps running). */
  public static final String MODSVC_GENERATION = "MODSVC_GENERATION";

  /**
   * The unit concerned, e.g. {@code web.service}: {@code journalctl UNIT=web.service} finds its
   * jobs.
   */
  public static final String UNIT = "UNIT";

  /**
   * The module file of an evaluation error (journald's usual meaning: the source of the message).
   */
  public static final String CODE_FILE = "CODE_FILE";

  /** The line in {@link #CODE_FILE}. */
  public static final String CODE_LINE = "CODE_LINE";

  private LogFields() {}
}
