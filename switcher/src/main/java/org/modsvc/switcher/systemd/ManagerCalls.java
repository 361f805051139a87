package org.modsvc.switcher.systemd;

import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import org.modsvc.switcher.unit.UnitName;

/**
 * The manager methods the {@link PhaseExecutor} calls. {@link SystemdClient} is the one over D-Bus;
 * the executor's own decisions (which phases run, whether a daemon-reload is made) are tested
 * against an in-memory one.
 */
public interface ManagerCalls {
  /** {@code daemon-reload}: returns once systemd has re-read all unit files. */
  void daemonReload();

  /** Clears a unit's failed state so a later start is not refused by its start rate limit. */
  void resetFailed(UnitName unit);

  /**
   * Submits all jobs together and waits for their ends; tells {@code finished} about each job as it
   * ends. Outcomes are in request order.
   */
  List<JobOutcome> runJobs(List<JobRequest> jobs, BiConsumer<JobOutcome, Duration> finished);

  /** The unit's current state. */
  UnitState unitState(String unit);
}
