package org.modsvc.switcher.activation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.modsvc.switcher.generation.PendingSwitch;
import org.modsvc.switcher.plan.ExtraWork;
import org.modsvc.switcher.systemd.PhasePlan;
import org.modsvc.switcher.unit.UnitName;

/**
 * The phase lists a switch journals before it changes anything, in execution order, and the way back: the
 * unfinished reload/restart/start lists of an interrupted switch become the planner's resumed work.
 */
final class PendingPhases {
  static final String STOP = "stop";
  static final String RELOAD = "reload";
  static final String RESTART = "restart";
  static final String START = "start";

  private PendingPhases() {}

  static Map<String, List<String>> of(PhasePlan plan) {
    Map<String, List<String>> phases = new LinkedHashMap<>();
    phases.put(STOP, plan.stop());
    phases.put(PendingSwitch.FILES, List.of());
    phases.put(RELOAD, plan.reload());
    phases.put(RESTART, plan.restart());
    phases.put(START, plan.start());
    return phases;
  }

  /** The stops still owed: none once the stop phase is recorded as done. */
  static List<String> unfinishedStops(PendingSwitch pending) {
    return pending.isDone(STOP) ? List.of() : pending.phases().getOrDefault(STOP, List.of());
  }

  static ExtraWork resumedWork(PendingSwitch pending) {
    return ExtraWork.resumed(unfinished(pending, START), unfinished(pending, RESTART), unfinished(pending, RELOAD));
  }

  /**
   * The unfinished work of a switch a newer configuration replaces, for the units that configuration still has:
   * a unit it dropped is not started because the replaced switch would have started it.
   */
  static ExtraWork supersededWork(PendingSwitch pending, Set<UnitName> configured) {
    return ExtraWork.resumed(kept(unfinished(pending, START), configured), kept(unfinished(pending, RESTART), configured),
        kept(unfinished(pending, RELOAD), configured));
  }

  private static Set<UnitName> kept(Set<UnitName> units, Set<UnitName> configured) {
    units.retainAll(configured);
    return units;
  }

  private static Set<UnitName> unfinished(PendingSwitch pending, String phase) {
    Set<UnitName> names = new TreeSet<>();
    if (!pending.isDone(phase)) {
      for (String unit : pending.phases().getOrDefault(phase, List.of())) {
        if (UnitName.isValid(unit)) {
          names.add(UnitName.of(unit));
        }
      }
    }
    return names;
  }
}
