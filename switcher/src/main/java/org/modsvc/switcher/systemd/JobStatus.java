package org.modsvc.switcher.systemd;

import java.util.Locale;

/**
 * How a submitted job ended. The first seven are systemd's own {@code JobRemoved} results
 * (job_result_to_string in systemd 252 has a few rarer ones, which map to {@link #OTHER}); {@link
 * #REJECTED} means the method call itself failed (no job was queued), {@link #NOT_FINISHED} means
 * no {@code JobRemoved} arrived before our timeout, {@link #UNHEALTHY} that {@link SettleWatch}
 * found the unit failed or crash-looping after a successful job.
 */
public enum JobStatus {
  DONE,
  CANCELED,
  TIMEOUT,
  FAILED,
  DEPENDENCY,
  SKIPPED,
  INVALID,
  OTHER,
  REJECTED,
  NOT_FINISHED,
  /**
   * The job succeeded, but the unit failed or was restarted by systemd within the settle window
   * after it.
   */
  UNHEALTHY;

  static JobStatus fromSystemd(String result) {
    return switch (result) {
      case "done" -> DONE;
      case "canceled" -> CANCELED;
      case "timeout" -> TIMEOUT;
      case "failed" -> FAILED;
      case "dependency" -> DEPENDENCY;
      case "skipped" -> SKIPPED;
      case "invalid" -> INVALID;
      default -> OTHER;
    };
  }

  /**
   * Whether the switch counts this job as failed; stc-ng reports {@code timeout|failed|dependency},
   * and we add the cases where systemd never ran the job or we stopped waiting.
   */
  public boolean isFailure() {
    return this != DONE && this != SKIPPED;
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
