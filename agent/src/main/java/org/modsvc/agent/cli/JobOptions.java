package org.modsvc.agent.cli;

import java.time.Duration;
import org.modsvc.switcher.generation.GenerationSwitcher;
import org.modsvc.switcher.systemd.SettleWatch;
import picocli.CommandLine.Option;

/**
 * How the commands that run jobs ({@code switch}, {@code rollback}) wait for them and clean up
 * after them.
 */
final class JobOptions {
  @Option(
      names = "--job-timeout",
      paramLabel = "SECONDS",
      defaultValue = "90",
      description = "How long to wait for each phase's jobs (default: ${DEFAULT-VALUE}).")
  long jobTimeoutSeconds = 90;

  @Option(
      names = "--settle",
      paramLabel = "SECONDS",
      defaultValue = "5",
      description =
          "Watch the started and restarted units this long; one that fails or is restarted by systemd "
              + "meanwhile is a failed unit (exit 4). 0 disables (default: ${DEFAULT-VALUE}).")
  double settleSeconds = SettleWatch.DEFAULT_WINDOW.toSeconds();

  @Option(
      names = "--keep-generations",
      paramLabel = "N",
      defaultValue = "10",
      description =
          "Generations kept by the garbage collection after the switch (default: ${DEFAULT-VALUE}).")
  int keepGenerations = GenerationSwitcher.DEFAULT_KEEP;

  /** The defaults, for a command that only previews ({@code diff}). */
  static JobOptions defaults() {
    return new JobOptions();
  }

  Duration jobTimeout() {
    return Duration.ofSeconds(jobTimeoutSeconds);
  }

  Duration settle() {
    if (!(settleSeconds >= 0) || settleSeconds > 3600) {
      throw new IllegalArgumentException("--settle takes 0 to 3600 seconds, got " + settleSeconds);
    }
    return Duration.ofMillis(Math.round(settleSeconds * 1000));
  }

  int keepGenerations() {
    if (keepGenerations < 1) {
      throw new IllegalArgumentException(
          "--keep-generations must be at least 1 (the current generation), got " + keepGenerations);
    }
    return keepGenerations;
  }
}
