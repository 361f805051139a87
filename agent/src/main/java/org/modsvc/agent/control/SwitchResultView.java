package org.modsvc.agent.control;

/**
 * A switch the daemon ran on request, as the client prints it.
 *
 * @param report the switch's rendered report, as {@code modsvc-agent switch} would print it
 * @param exitCode its exit code ({@code activation.ExitCode})
 */
public record SwitchResultView(String report, int exitCode) {
  public SwitchResultView {
    if (exitCode < 0 || exitCode > 255)
      throw new IllegalArgumentException("exit code out of range: " + exitCode);
  }
}
