package org.modsvc.switcher.plan;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.modsvc.switcher.unit.UnitFile;
import org.modsvc.switcher.unit.UnitName;

/**
 * Our rule for units that appear (docs/decisions.md §6): a unit the new generation adds, or newly links into
 * a target's {@code .wants}/{@code .requires}, is started directly when such a target is running.
 * stc-ng instead starts every active target and lets systemd pull the unit in, which also brings back
 * units a person stopped by hand; with {@link PlanOptions#startActiveTargets()} we leave it to that.
 * Units that refuse a manual start ({@code RefuseManualStart}, {@code X-OnlyManualStart}) are not
 * started, as sd-switch respects RefuseManualStart for wanted units.
 */
final class NewUnitRules {
  private final PlanInput input;
  private final PlanBuilder plan;

  NewUnitRules(PlanInput input, PlanBuilder plan) {
    this.input = input;
    this.plan = plan;
  }

  void startWantedUnits() {
    if (input.options().startActiveTargets()) {
      return;
    }
    Set<UnitName> candidates = new TreeSet<>(input.newUnits().unitNames());
    candidates.addAll(input.newUnits().wantedBy().keySet());
    for (UnitName unit : candidates) {
      if (!unit.isTemplate() && !isRunning(unit)) {
        input.newUnits().resolve(unit).ifPresent(file -> consider(unit, file));
      }
    }
  }

  private void consider(UnitName unit, UnitFile file) {
    boolean isNew = input.oldUnits().resolve(unit).isEmpty();
    Set<UnitName> oldTargets = input.oldUnits().targetsWanting(unit);
    List<String> activeTargets = input.newUnits().targetsWanting(unit).stream()
        .filter(target -> isNew || !oldTargets.contains(target))
        .filter(target -> input.state(target.value()).isActiveOrActivating())
        .map(UnitName::value)
        .sorted(PlanBuilder.LISTING_ORDER)
        .toList();
    if (activeTargets.isEmpty()) {
      return;
    }
    String why = (isNew ? "new unit wanted by active " : "newly wanted by active ") + String.join(", ", activeTargets);
    if (file.bool("Unit", "RefuseManualStart", false)) {
      plan.untouched.add(unit.value(), why + "; RefuseManualStart=true: not started");
    } else if (file.bool("Unit", "X-OnlyManualStart", false)) {
      plan.untouched.add(unit.value(), why + "; X-OnlyManualStart=true: not started");
    } else {
      plan.start.add(unit.value(), why);
    }
  }

  /** Failed units count as not running here: a new unit that failed before is worth a start. */
  private boolean isRunning(UnitName unit) {
    UnitState state = input.state(unit.value());
    return state.inActiveSet() && !state.activeState().equals("failed");
  }
}
