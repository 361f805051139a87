package org.modsvc.switcher.plan;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.modsvc.switcher.unit.UnitCatalog;
import org.modsvc.switcher.unit.UnitName;

/**
 * Everything the planner looks at, and nothing else: the old and new generations' units (files,
 * drop-ins, masks and the targets that want each unit), the live unit states from systemd, the
 * mode, and extra requested or resumed work. Live units are keyed by {@link UnitName}: a name
 * systemd reports that is not one is left out where the states are read.
 */
public record PlanInput(
    UnitCatalog oldUnits,
    UnitCatalog newUnits,
    Map<UnitName, LiveState> live,
    SwitchMode mode,
    ExtraWork extra) {

  public PlanInput {
    Objects.requireNonNull(oldUnits, "oldUnits");
    Objects.requireNonNull(newUnits, "newUnits");
    live = java.util.Collections.unmodifiableMap(new TreeMap<>(live));
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(extra, "extra");
  }

  public static PlanInput of(
      UnitCatalog oldUnits, UnitCatalog newUnits, Map<UnitName, LiveState> live, SwitchMode mode) {
    return new PlanInput(oldUnits, newUnits, live, mode, ExtraWork.none());
  }

  public PlanInput withExtra(ExtraWork newExtra) {
    return new PlanInput(oldUnits, newUnits, live, mode, newExtra);
  }

  public LiveState state(UnitName unit) {
    return live.getOrDefault(unit, LiveState.of("inactive"));
  }
}
