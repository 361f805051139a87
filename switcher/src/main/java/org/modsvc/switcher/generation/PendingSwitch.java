package org.modsvc.switcher.generation;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.modsvc.switcher.plan.Phase;
import org.modsvc.switcher.plan.PhasePlan;
import org.modsvc.switcher.unit.UnitName;

/**
 * An unfinished switch as persisted in {@code pending.json}: the generation being switched to, the
 * one it started from (0 for none), the {@link Phase}s this switch runs with the units of each (the
 * executor's stop, reload, restart and start lists, as stc-ng's {@code /run/nixos/*-list} files),
 * and which phases are done. {@link Phase#FILES} is the generation's own step, always present:
 * applying its files and flipping {@code current}. A switch without systemd ({@code build --root})
 * has only that one.
 *
 * <p>{@code superseded} lists earlier pending generations whose file phase never finished and which
 * a newer configuration replaced: some of their files may be on disk, and they are ours until this
 * switch is done.
 */
public record PendingSwitch(
    int generation,
    int previousGeneration,
    Map<Phase, List<UnitName>> phases,
    Set<Phase> done,
    Instant started,
    List<Integer> superseded) {

  /** The phases of a switch that writes files only. */
  public static final Map<Phase, List<UnitName>> FILES_ONLY = Map.of(Phase.FILES, List.of());

  public PendingSwitch {
    EnumMap<Phase, List<UnitName>> copy = new EnumMap<>(Phase.class);
    phases.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    if (!copy.containsKey(Phase.FILES)) {
      throw new IllegalArgumentException(
          "a switch needs the phase '" + Phase.FILES.label() + "' among " + copy.keySet());
    }
    if (!copy.get(Phase.FILES).isEmpty()) {
      throw new IllegalArgumentException("the phase '" + Phase.FILES.label() + "' lists no units");
    }
    for (Phase d : done) {
      if (!copy.containsKey(d)) {
        throw new IllegalArgumentException(
            "phase '" + d.label() + "' marked done but not among " + copy.keySet());
      }
    }
    phases = Collections.unmodifiableMap(copy);
    done = done.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(done));
    superseded = List.copyOf(superseded);
  }

  public PendingSwitch(
      int generation,
      int previousGeneration,
      Map<Phase, List<UnitName>> phases,
      Set<Phase> done,
      Instant started) {
    this(generation, previousGeneration, phases, done, started, List.of());
  }

  /**
   * The generations whose files may be on disk besides the current one's: the superseded ones, and
   * this one too unless its file phase is done.
   */
  public List<Integer> unfinishedGenerations() {
    List<Integer> out = new java.util.ArrayList<>(superseded);
    if (!isDone(Phase.FILES)) {
      out.add(generation);
    }
    return out;
  }

  public boolean isDone(Phase phase) {
    return done.contains(phase);
  }

  /** The first phase, in execution order, not yet done. */
  public Optional<Phase> nextPhase() {
    return phases.keySet().stream().filter(p -> !done.contains(p)).findFirst();
  }

  /**
   * What is left of the journaled job lists: the units of each phase not yet done (a done phase, or
   * one this switch does not have, leaves nothing). Its daemon-reload is always asked for: whether
   * the interrupted run made one after writing its files is not recorded.
   */
  public PhasePlan unfinishedWork() {
    return new PhasePlan(
        unfinished(Phase.STOP),
        unfinished(Phase.RELOAD),
        unfinished(Phase.RESTART),
        unfinished(Phase.START),
        List.of(),
        true);
  }

  private List<UnitName> unfinished(Phase phase) {
    return isDone(phase) ? List.of() : phases.getOrDefault(phase, List.of());
  }

  PendingSwitch withDone(Phase phase) {
    if (!phases.containsKey(phase)) {
      throw new IllegalArgumentException(
          "unknown phase '" + phase.label() + "'; this switch has " + phases.keySet());
    }
    Set<Phase> d = EnumSet.of(phase);
    d.addAll(done);
    return new PendingSwitch(generation, previousGeneration, phases, d, started, superseded);
  }
}
