package org.modsvc.switcher.plan;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.modsvc.switcher.unit.UnitName;

/**
 * What the executor runs: the units of each job {@link Phase} and whether systemd must re-read its
 * unit files between the file phase and the reload phase. It is made from a {@link SwitchPlan}
 * ({@link #of}), journaled as it is before anything live changes ({@link #journaled()}), and what
 * an interrupted switch left of it comes back as the planner's {@link
 * ExtraWork#resumed(PhasePlan)}.
 *
 * <p>Order within a phase does not matter to systemd (the jobs are submitted together); duplicates
 * are rejected because they would be two jobs for one unit. {@code resetFailed} are units in the
 * {@code failed} state that the restart or start phase starts again: their failed state (and with
 * it the start rate limit a crash loop used up) is reset after the daemon-reload, as {@code
 * systemctl reset-failed} would, so that the start of a fixed unit is not refused.
 *
 * @param daemonReload the plan's decision ({@link SwitchPlan#needsDaemonReload()}), or true where
 *     the files on disk may differ from what systemd loaded for another reason (a resumed or
 *     superseded switch)
 */
public record PhasePlan(
    List<UnitName> stop,
    List<UnitName> reload,
    List<UnitName> restart,
    List<UnitName> start,
    List<UnitName> resetFailed,
    boolean daemonReload) {
  public PhasePlan {
    stop = checked(Phase.STOP, stop);
    reload = checked(Phase.RELOAD, reload);
    restart = checked(Phase.RESTART, restart);
    start = checked(Phase.START, start);
    resetFailed = List.copyOf(new LinkedHashSet<>(resetFailed));
  }

  /**
   * The plan's job lists with {@code owedStops} (stops an interrupted switch still owes) first in
   * the stop phase, and the plan's daemon-reload decision. Units that are {@code failed} and
   * started again are reset first.
   */
  public static PhasePlan of(
      SwitchPlan plan, List<UnitName> owedStops, Map<UnitName, LiveState> live) {
    List<UnitName> stop = new ArrayList<>(owedStops);
    SwitchPlan.units(plan.stop()).stream().filter(u -> !stop.contains(u)).forEach(stop::add);
    List<UnitName> started = new ArrayList<>(SwitchPlan.units(plan.restart()));
    started.addAll(SwitchPlan.units(plan.start()));
    List<UnitName> resetFailed =
        started.stream()
            .distinct()
            .filter(u -> live.containsKey(u) && live.get(u).isFailed())
            .toList();
    return new PhasePlan(
        stop,
        SwitchPlan.units(plan.reload()),
        SwitchPlan.units(plan.restart()),
        SwitchPlan.units(plan.start()),
        resetFailed,
        plan.needsDaemonReload());
  }

  /** This plan with a daemon-reload whatever the planner decided. */
  public PhasePlan withDaemonReload() {
    return new PhasePlan(stop, reload, restart, start, resetFailed, true);
  }

  public List<UnitName> units(Phase phase) {
    return switch (phase) {
      case STOP -> stop;
      case FILES -> List.of();
      case RELOAD -> reload;
      case RESTART -> restart;
      case START -> start;
    };
  }

  /**
   * Every phase in execution order with its units, {@link Phase#FILES} included: what the pending
   * journal keeps.
   */
  public Map<Phase, List<UnitName>> journaled() {
    Map<Phase, List<UnitName>> phases = new EnumMap<>(Phase.class);
    for (Phase phase : Phase.values()) {
      phases.put(phase, units(phase));
    }
    return phases;
  }

  private static List<UnitName> checked(Phase phase, List<UnitName> units) {
    List<UnitName> copy = List.copyOf(units);
    if (new LinkedHashSet<>(copy).size() != copy.size()) {
      throw new IllegalArgumentException("phase " + phase.label() + " lists a unit twice: " + copy);
    }
    return copy;
  }
}
