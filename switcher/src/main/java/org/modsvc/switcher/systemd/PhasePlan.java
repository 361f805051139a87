package org.modsvc.switcher.systemd;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * The unit names of each phase, as the planner decided them. Order within a phase does not matter to systemd
 * (the jobs are submitted together); duplicates are rejected because they would be two jobs for one unit.
 * {@code resetFailed} are units in the {@code failed} state that the restart or start phase starts again: their
 * failed state (and with it the start rate limit a crash loop used up) is reset after the daemon-reload, as
 * {@code systemctl reset-failed} would, so that the start of a fixed unit is not refused.
 */
public record PhasePlan(List<String> stop, List<String> reload, List<String> restart, List<String> start,
    List<String> resetFailed) {
  public PhasePlan {
    stop = checked("stop", stop);
    reload = checked("reload", reload);
    restart = checked("restart", restart);
    start = checked("start", start);
    resetFailed = checked("reset-failed", resetFailed);
  }

  public PhasePlan(List<String> stop, List<String> reload, List<String> restart, List<String> start) {
    this(stop, reload, restart, start, List.of());
  }

  public List<String> units(Phase phase) {
    return switch (phase) {
      case STOP -> stop;
      case RELOAD -> reload;
      case RESTART -> restart;
      case START -> start;
    };
  }

  private static List<String> checked(String phase, List<String> units) {
    List<String> copy = List.copyOf(units);
    if (new LinkedHashSet<>(copy).size() != copy.size()) {
      throw new IllegalArgumentException("phase " + phase + " lists a unit twice: " + copy);
    }
    for (String unit : copy) {
      if (unit.isBlank() || unit.indexOf('.') < 0) {
        throw new IllegalArgumentException("phase " + phase + ": '" + unit + "' is not a unit name (name.type)");
      }
    }
    return copy;
  }
}
