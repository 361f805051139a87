package org.modsvc.switcher.plan;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.modsvc.switcher.unit.UnitCatalog;
import org.modsvc.switcher.unit.UnitFile;
import org.modsvc.switcher.unit.UnitName;
import org.modsvc.switcher.unit.UnitType;

/**
 * Decides a switch as a pure function of its {@link PlanInput}: no files, no D-Bus, no clock. The
 * steps follow switch-to-configuration-ng's {@code do_system_switch}: resumed work first, then each
 * live unit in name order (stc-ng's map order is arbitrary; sorting makes plans reproducible), then
 * requested restarts and reloads, then our direct start of newly wanted units, then the reload
 * fallbacks and warnings that the executor needs.
 */
public final class Planner {
  private Planner() {}

  public static SwitchPlan plan(PlanInput input) {
    PlanBuilder plan = new PlanBuilder();
    ModifiedUnitRules modified = new ModifiedUnitRules(input, plan);
    ExtraWorkRules extra = new ExtraWorkRules(input, plan, modified);
    extra.resumed();
    ActiveUnitRules active = new ActiveUnitRules(input, plan, modified);
    input.live().forEach(active::classify);
    extra.requestedRestarts();
    extra.requestedReloads();
    new NewUnitRules(input, plan).startWantedUnits();
    return new SwitchPlan(
        input.mode(),
        plan.stop.actions(),
        plan.reload.actions(),
        plan.restart.actions(),
        plan.start.actions(),
        plan.skip.actions(),
        plan.untouched.actions(),
        plan.hidden,
        reloadFallbacks(input, plan),
        plan.socketActivated.entrySet().stream()
            .map(e -> new SocketActivation(e.getKey(), e.getValue()))
            .toList(),
        CatalogChanges.between(input.oldUnits(), input.newUnits()),
        warnings(input, plan));
  }

  /**
   * The changes between two unit catalogs that make systemd re-read its units: a unit file,
   * drop-in, mask or wants link differing in content.
   */
  public static List<String> catalogChanges(UnitCatalog old, UnitCatalog next) {
    return CatalogChanges.between(old, next);
  }

  /**
   * stc-ng step 23 reads these keys from the new unit: {@code !RefuseManualStart ||
   * X-OnlyManualStart}.
   */
  private static Set<UnitName> reloadFallbacks(PlanInput input, PlanBuilder plan) {
    Set<UnitName> fallbacks = new TreeSet<>();
    for (UnitName unit : plan.reload.names()) {
      UnitFile next = newDefinition(input, unit);
      if (!next.bool("Unit", "RefuseManualStart", false)
          || next.bool("Unit", "X-OnlyManualStart", false)) {
        fallbacks.add(unit);
      }
    }
    return fallbacks;
  }

  /**
   * A service reload without ExecReload= fails in systemd (docs/upstream.md §6 scenario 39); say so
   * before it happens.
   */
  private static java.util.List<String> warnings(PlanInput input, PlanBuilder plan) {
    java.util.List<String> warnings = new java.util.ArrayList<>(plan.warnings);
    for (UnitName unit : plan.reload.names()) {
      boolean defined = input.newUnits().resolve(unit).isPresent();
      if (defined
          && unit.type() == UnitType.SERVICE
          && newDefinition(input, unit).values("Service", "ExecReload").isEmpty()) {
        warnings.add(
            unit + " is to be reloaded but has no ExecReload=; systemd will fail the reload job");
      }
    }
    return warnings;
  }

  private static UnitFile newDefinition(PlanInput input, UnitName unit) {
    UnitName base = ActiveUnitRules.baseFile(unit, input.oldUnits(), input.newUnits());
    return input.newUnits().effective(unit, base).orElse(UnitFile.merge(java.util.List.of()));
  }
}
