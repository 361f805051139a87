package org.modsvc.switcher.plan;

import java.util.Set;
import org.modsvc.switcher.unit.UnitCatalog;
import org.modsvc.switcher.unit.UnitFile;
import org.modsvc.switcher.unit.UnitName;
import org.modsvc.switcher.unit.UnitType;

/**
 * stc-ng's classification of each live unit (docs/upstream.md §4.2), with old and new generation
 * files in place of {@code /etc/systemd/system} and the new toplevel. Only units the old generation
 * defines and that are {@code active} or {@code activating} are considered; a changed unit that is
 * not running stays as it is.
 */
final class ActiveUnitRules {
  private static final Set<String> SLEEP_TARGETS =
      Set.of("suspend.target", "hibernate.target", "hybrid-sleep.target");

  private final PlanInput input;
  private final PlanBuilder plan;
  private final ModifiedUnitRules modified;

  ActiveUnitRules(PlanInput input, PlanBuilder plan, ModifiedUnitRules modified) {
    this.input = input;
    this.plan = plan;
    this.modified = modified;
  }

  void classify(UnitName unit, LiveState state) {
    UnitName base = baseFile(unit, input.oldUnits(), input.newUnits());
    if (!input.oldUnits().hasFile(base)) {
      return;
    }
    if (!state.isActiveOrActivating()) {
      notRunning(unit, base, state);
    } else if (!input.newUnits().hasFile(base)) {
      removed(unit, base);
    } else if (unit.type() == UnitType.TARGET) {
      target(unit, base);
    } else {
      compared(unit, base);
    }
  }

  /** An instance without a file of its own, on either side, is defined by its template. */
  static UnitName baseFile(UnitName unit, UnitCatalog old, UnitCatalog next) {
    if (unit.isInstance() && !old.hasFile(unit) && !next.hasFile(unit)) {
      return unit.template().orElseThrow();
    }
    return unit;
  }

  private void notRunning(UnitName unit, UnitName base, LiveState state) {
    boolean changed =
        !input.newUnits().hasFile(base)
            || !old(unit, base).without("Install").equals(next(unit, base).without("Install"));
    if (changed) {
      plan.untouched.add(
          unit, "changed while " + state.activeState() + ": left " + state.activeState());
    }
  }

  /**
   * Gone from the new generation (or masked): stopped, unless the old unit says
   * X-StopOnRemoval=false.
   */
  private void removed(UnitName unit, UnitName base) {
    if (old(unit, base).bool("Unit", "X-StopOnRemoval", true)) {
      plan.stop.add(unit, "removed from the configuration");
    } else {
      plan.untouched.add(
          unit, "removed from the configuration; X-StopOnRemoval=false: left running");
    }
  }

  /**
   * Targets are never compared. stc-ng starts every active target so that systemd pulls in newly
   * wanted units; we do not ({@code NewUnitRules} starts such units directly, docs/decisions.md
   * §6). X-StopOnReconfiguration stops the target first so that ordering through it is respected
   * again, and that start we keep, unprinted as stc-ng keeps it.
   */
  private void target(UnitName unit, UnitName base) {
    UnitFile next = next(unit, base);
    boolean startable =
        !SLEEP_TARGETS.contains(unit.value())
            && !next.bool("Unit", "RefuseManualStart", false)
            && !next.bool("Unit", "X-OnlyManualStart", false);
    boolean stopFirst = next.bool("Unit", "X-StopOnReconfiguration", false);
    if (startable && stopFirst) {
      plan.start.add(unit, "X-StopOnReconfiguration=true: started again");
      plan.hidden.add(unit);
    }
    if (stopFirst) {
      plan.stop.add(unit, "X-StopOnReconfiguration=true");
    }
  }

  private void compared(UnitName unit, UnitName base) {
    UnitComparison comparison = UnitComparison.compare(old(unit, base), next(unit, base));
    switch (comparison.verdict()) {
      case NEEDS_RESTART ->
          modified.handle(
              unit, base.baseName(), () -> next(unit, base), false, comparison.summary());
      case NEEDS_RELOAD -> {
        if (!plan.restart.contains(unit)) {
          plan.reload.add(unit, comparison.summary());
        }
      }
      case EQUAL -> {}
    }
  }

  private UnitFile old(UnitName unit, UnitName base) {
    return input.oldUnits().effective(unit, base).orElseThrow();
  }

  private UnitFile next(UnitName unit, UnitName base) {
    return input.newUnits().effective(unit, base).orElseThrow();
  }
}
