package org.modsvc.switcher.plan;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.modsvc.switcher.unit.UnitFile;
import org.modsvc.switcher.unit.UnitName;

/**
 * Our rule for units that appear (docs/decisions.md §6): a unit the new generation adds, or newly
 * links into a target's {@code .wants}/{@code .requires}, is started directly when such a target is
 * running. A unit whose definition changed while it was not running is started too when it is
 * {@code failed} (the change is most likely its fix) or when an active target wants it: otherwise a
 * service that failed, was fixed and switched again would stay down (issue 19). stc-ng instead
 * starts every active target and lets systemd pull the unit in, which also brings back units a
 * person stopped by hand. Units that refuse a manual start ({@code RefuseManualStart}, {@code
 * X-OnlyManualStart}) are not started, as sd-switch respects RefuseManualStart for wanted units.
 */
final class NewUnitRules {
  private final PlanInput input;
  private final PlanBuilder plan;

  NewUnitRules(PlanInput input, PlanBuilder plan) {
    this.input = input;
    this.plan = plan;
  }

  void startWantedUnits() {
    Set<UnitName> candidates = new TreeSet<>(input.newUnits().unitNames());
    candidates.addAll(input.newUnits().wantedBy().keySet());
    for (UnitName unit : candidates) {
      if (!unit.isTemplate() && !isRunning(unit)) {
        input.newUnits().resolve(unit).ifPresent(file -> consider(unit, file));
      }
    }
  }

  private void consider(UnitName unit, UnitFile file) {
    java.util.Optional<UnitFile> before = input.oldUnits().resolve(unit);
    boolean isNew = before.isEmpty();
    boolean changed = !isNew && !before.get().without("Install").equals(file.without("Install"));
    Set<UnitName> oldTargets = input.oldUnits().targetsWanting(unit);
    List<String> activeTargets =
        input.newUnits().targetsWanting(unit).stream()
            .filter(target -> isNew || changed || !oldTargets.contains(target))
            .filter(target -> input.state(target).isActiveOrActivating())
            .sorted(PlanBuilder.LISTING_ORDER)
            .map(UnitName::value)
            .toList();
    boolean failed = input.state(unit).isFailed();
    String why;
    if (changed && failed) {
      why = "changed while failed";
    } else if (activeTargets.isEmpty()) {
      return;
    } else {
      why =
          (isNew
                  ? "new unit wanted by active "
                  : changed
                      ? "changed while inactive, wanted by active "
                      : "newly wanted by active ")
              + String.join(", ", activeTargets);
    }
    plan.untouched.remove(unit);
    if (file.bool("Unit", "RefuseManualStart", false)) {
      plan.untouched.add(unit, why + "; RefuseManualStart=true: not started");
    } else if (file.bool("Unit", "X-OnlyManualStart", false)) {
      plan.untouched.add(unit, why + "; X-OnlyManualStart=true: not started");
    } else {
      plan.start.add(unit, why);
    }
  }

  /** Failed units count as not running here: a new unit that failed before is worth a start. */
  private boolean isRunning(UnitName unit) {
    LiveState state = input.state(unit);
    return state.inActiveSet() && !state.isFailed();
  }
}
