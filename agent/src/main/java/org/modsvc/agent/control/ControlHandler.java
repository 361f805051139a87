package org.modsvc.agent.control;

/**
 * What the daemon answers on its control socket. Called on the control server's worker threads,
 * never on the daemon's own loop: an implementation returns a snapshot it keeps (status, metrics)
 * or hands the request to the loop and waits for it ({@link #switchNow()}). A {@link
 * RuntimeException} becomes an {@code error:} reply.
 */
public interface ControlHandler {
  /** The status as it is now. */
  AgentStatus status();

  /** The metrics in Prometheus' text exposition format. */
  String metrics();

  /**
   * Converges now (as after a file change) and returns the switch's rendered report and exit code.
   */
  SwitchResultView switchNow();
}
