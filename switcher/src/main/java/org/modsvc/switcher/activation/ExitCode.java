package org.modsvc.switcher.activation;

/** The exit statuses of docs/decisions.md §6. */
public final class ExitCode {
  /** Everything switched and every job succeeded. */
  public static final int OK = 0;

  /** Usage error or fatal error (bus unreachable, file in the way, lock not obtained…). */
  public static final int FATAL = 1;

  /** The configuration did not evaluate or an assertion failed; nothing was changed. */
  public static final int CONFIGURATION = 2;

  /** Files are switched, but some unit or job failed (listed with its journal tail). */
  public static final int UNIT_FAILED = 4;

  private ExitCode() {}
}
