package org.modsvc.switcher.plan;

import org.modsvc.switcher.unit.UnitFile;
import org.modsvc.switcher.unit.UnitName;

/**
 * Work that does not come from a file comparison: jobs journaled by an interrupted switch (stc-ng
 * reads its {@code start/restart/reload-list} first), and requested restarts and reloads (stc-ng's
 * {@code activation-restart-list} and {@code activation-reload-list}, docs/upstream.md §4.1 step
 * 7).
 */
final class ExtraWorkRules {
  private final PlanInput input;
  private final PlanBuilder plan;
  private final ModifiedUnitRules modified;

  ExtraWorkRules(PlanInput input, PlanBuilder plan, ModifiedUnitRules modified) {
    this.input = input;
    this.plan = plan;
    this.modified = modified;
  }

  void resumed() {
    String why = "journaled by an interrupted switch";
    input.extra().resumedStarts().forEach(u -> plan.start.add(u, why));
    input.extra().resumedRestarts().forEach(u -> plan.restart.add(u, why));
    input.extra().resumedReloads().forEach(u -> plan.reload.add(u, why));
  }

  /**
   * A requested restart of a unit that is not running starts it; otherwise restart mode applies.
   */
  void requestedRestarts() {
    for (UnitName unit : input.extra().requestedRestarts()) {
      if (!input.state(unit).inActiveSet()) {
        plan.start.add(unit, "restart requested while not running");
        continue;
      }
      UnitName base = ActiveUnitRules.baseFile(unit, input.oldUnits(), input.newUnits());
      modified.handle(
          unit, base.baseName(), () -> definition(unit, base), true, "restart requested");
    }
  }

  /** A requested reload only matters for a running unit that is not stopped or restarted anyway. */
  void requestedReloads() {
    for (UnitName unit : input.extra().requestedReloads()) {
      if (input.state(unit).inActiveSet()
          && !plan.restart.contains(unit)
          && !plan.stop.contains(unit)) {
        plan.reload.add(unit, "reload requested");
      }
    }
  }

  private UnitFile definition(UnitName unit, UnitName base) {
    return input
        .newUnits()
        .effective(unit, base)
        .orElseThrow(
            () ->
                new PlanException(
                    "restart of "
                        + unit
                        + " requested, but the new generation has no unit file for it"));
  }
}
