package org.modsvc.agent.daemon;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.modsvc.agent.control.AgentStatus;
import org.modsvc.agent.control.ControlHandler;
import org.modsvc.agent.control.SwitchResultView;
import org.modsvc.agent.metrics.AgentMetrics;
import org.modsvc.switcher.generation.Layout;

/**
 * What the daemon answers on its control socket (docs/decisions.md §11): its status snapshot, its
 * metrics, and a switch run by its own loop on request (so it never overlaps one the loop runs).
 */
final class DaemonControl implements ControlHandler {
  /**
   * A requested switch waits behind the running one, the lock and its jobs: bounded, but
   * generously.
   */
  static final Duration SWITCH_WAIT = Duration.ofMinutes(30);

  private final Daemon daemon;
  private final AgentMetrics metrics;

  DaemonControl(Daemon daemon, AgentMetrics metrics) {
    this.daemon = daemon;
    this.metrics = metrics;
  }

  @Override
  public AgentStatus status() {
    return toAgentStatus(daemon.status());
  }

  static AgentStatus toAgentStatus(DaemonStatus s) {
    Optional<AgentStatus.LastSwitch> last =
        s.lastSwitch()
            .map(
                r ->
                    new AgentStatus.LastSwitch(
                        r.at(), r.outcome().name(), r.duration().toMillis(), oneLine(r.summary())));
    Optional<AgentStatus.LastError> error =
        s.lastError()
            .map(
                e ->
                    new AgentStatus.LastError(
                        e.message(), e.file(), Math.max(0, e.line()), Math.max(0, e.column())));
    return new AgentStatus(
        s.user() ? Layout.Mode.USER : Layout.Mode.SYSTEM,
        s.pid(),
        s.startedAt(),
        AgentStatus.State.valueOf(s.state().name()),
        s.generation(),
        s.managedUnits(),
        last,
        s.failedUnits().stream().sorted().toList(),
        error,
        s.driftCorrections(),
        s.evaluations());
  }

  private static String oneLine(String text) {
    return text.replace('\n', ' ').replace('\r', ' ');
  }

  @Override
  public String metrics() {
    return metrics.scrape();
  }

  @Override
  public SwitchResultView switchNow() {
    try {
      CycleResult r = daemon.switchNow().get(SWITCH_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      return new SwitchResultView(r.report(), r.exitCode());
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "the daemon's switch did not end within " + SWITCH_WAIT.toMinutes() + " min");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the daemon's switch");
    }
  }
}
