package org.modsvc.switcher.systemd;

/**
 * The end of one job: which unit and kind, how it ended, systemd's raw result string (empty when no
 * {@code JobRemoved} was seen) and, for {@link JobStatus#REJECTED} or {@link
 * JobStatus#NOT_FINISHED}, why.
 */
public record JobOutcome(
    String unit, JobKind kind, JobStatus status, String systemdResult, String detail) {

  public boolean failed() {
    return status.isFailure();
  }

  /** One line as the switch prints it, e.g. {@code Failed to start foo.service: failed}. */
  public String describe() {
    String head = (failed() ? "Failed to " : "") + kind.verb() + " " + unit + ": " + status;
    return detail.isEmpty() ? head : head + " (" + detail + ")";
  }

  /** A duration as the switch prints it: {@code 0.21 s}, {@code 5 s}. */
  public static String seconds(java.time.Duration d) {
    double s = d.toNanos() / 1e9;
    return (s == Math.rint(s)
            ? Long.toString((long) s)
            : String.format(java.util.Locale.ROOT, "%.2f", s))
        + " s";
  }
}
