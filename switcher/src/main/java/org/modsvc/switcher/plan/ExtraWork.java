package org.modsvc.switcher.plan;

import java.util.Set;
import java.util.TreeSet;
import org.modsvc.switcher.unit.UnitName;

/**
 * Work that does not come from comparing unit files.
 *
 * @param requestedRestarts units asked to be restarted (stc-ng's {@code activation-restart-list}),
 *     handled by {@code handle_modified_unit} in restart mode
 * @param requestedReloads units asked to be reloaded (stc-ng's {@code activation-reload-list})
 * @param resumedStarts starts journaled by an interrupted switch ({@code start-list})
 * @param resumedRestarts restarts journaled by an interrupted switch ({@code restart-list})
 * @param resumedReloads reloads journaled by an interrupted switch ({@code reload-list})
 */
public record ExtraWork(
    Set<UnitName> requestedRestarts,
    Set<UnitName> requestedReloads,
    Set<UnitName> resumedStarts,
    Set<UnitName> resumedRestarts,
    Set<UnitName> resumedReloads) {

  public ExtraWork {
    requestedRestarts = sorted(requestedRestarts);
    requestedReloads = sorted(requestedReloads);
    resumedStarts = sorted(resumedStarts);
    resumedRestarts = sorted(resumedRestarts);
    resumedReloads = sorted(resumedReloads);
  }

  public static ExtraWork none() {
    return new ExtraWork(Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
  }

  public static ExtraWork requested(Set<UnitName> restarts, Set<UnitName> reloads) {
    return new ExtraWork(restarts, reloads, Set.of(), Set.of(), Set.of());
  }

  public static ExtraWork resumed(
      Set<UnitName> starts, Set<UnitName> restarts, Set<UnitName> reloads) {
    return new ExtraWork(Set.of(), Set.of(), starts, restarts, reloads);
  }

  /** The reload, restart and start lists an interrupted switch had not finished. */
  public static ExtraWork resumed(PhasePlan unfinished) {
    return resumed(
        Set.copyOf(unfinished.start()),
        Set.copyOf(unfinished.restart()),
        Set.copyOf(unfinished.reload()));
  }

  /**
   * The resumed work for the units {@code configured} still has: when a newer configuration
   * replaces an interrupted switch, a unit it dropped is not started because the replaced switch
   * would have started it.
   */
  public ExtraWork keepingOnly(Set<UnitName> configured) {
    return new ExtraWork(
        requestedRestarts,
        requestedReloads,
        kept(resumedStarts, configured),
        kept(resumedRestarts, configured),
        kept(resumedReloads, configured));
  }

  private static Set<UnitName> kept(Set<UnitName> units, Set<UnitName> configured) {
    Set<UnitName> out = new TreeSet<>(units);
    out.retainAll(configured);
    return out;
  }

  private static Set<UnitName> sorted(Set<UnitName> names) {
    return java.util.Collections.unmodifiableSet(new TreeSet<>(names));
  }
}
