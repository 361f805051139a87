package org.modsvc.switcher.plan;

/**
 * Switches between our contract and switch-to-configuration-ng's literal behaviour.
 *
 * @param startActiveTargets queue a start job for every active target, as stc-ng does so that
 *     systemd pulls in newly wanted units. Off by default (docs/decisions.md §6): restarting whole targets
 *     brings back units a person stopped by hand, so new units are started directly instead.
 * @param displayAllUnits stc-ng's {@code STC_DISPLAY_ALL_UNITS=1}: also list the targets that are
 *     started on every switch.
 */
public record PlanOptions(boolean startActiveTargets, boolean displayAllUnits) {
  public static PlanOptions defaults() {
    return new PlanOptions(false, false);
  }

  /** switch-to-configuration-ng's own behaviour, for comparison and for the upstream scenarios. */
  public static PlanOptions switchToConfigurationNg() {
    return new PlanOptions(true, false);
  }
}
