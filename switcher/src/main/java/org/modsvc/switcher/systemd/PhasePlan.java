package org.modsvc.switcher.systemd;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * The unit names of each phase, as the planner decided them. Order within a phase does not matter to systemd
 * (the jobs are submitted together); duplicates are rejected because they would be two jobs for one unit.
 */
public record PhasePlan(List<String> stop, List<String> reload, List<String> restart, List<String> start) {
  public PhasePlan {
    stop = checked("stop", stop);
    reload = checked("reload", reload);
    restart = checked("restart", restart);
    start = checked("start", start);
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
