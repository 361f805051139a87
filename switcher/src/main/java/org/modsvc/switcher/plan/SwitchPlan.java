package org.modsvc.switcher.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.modsvc.switcher.unit.UnitName;

/**
 * What a switch will do, decided without touching anything: units to stop before the files change,
 * then one daemon-reload, then units to reload, restart and start, in that order (docs/upstream.md
 * §4.1). Every list is sorted as stc-ng prints it and each entry says why it is there.
 *
 * @param skip changed units left running with the old definition ("NOT restarting")
 * @param untouched units the planner looked at and deliberately left alone, with the reason
 * @param hidden units left out of the stop/start listings (the targets stc-ng starts every time)
 * @param startIfInactiveAtReload reload candidates to start instead if they are no longer running
 *     when the reload phase comes (stc-ng step 23: {@code !RefuseManualStart || X-OnlyManualStart})
 * @param socketActivated changed services left to their sockets to start
 * @param daemonReloadReasons why systemd must re-read its units; empty means no daemon-reload
 */
public record SwitchPlan(
    SwitchMode mode,
    List<PlannedAction> stop,
    List<PlannedAction> reload,
    List<PlannedAction> restart,
    List<PlannedAction> start,
    List<PlannedAction> skip,
    List<PlannedAction> untouched,
    Set<UnitName> hidden,
    Set<UnitName> startIfInactiveAtReload,
    List<SocketActivation> socketActivated,
    List<String> daemonReloadReasons,
    List<String> warnings) {

  public SwitchPlan {
    stop = List.copyOf(stop);
    reload = List.copyOf(reload);
    restart = List.copyOf(restart);
    start = List.copyOf(start);
    skip = List.copyOf(skip);
    untouched = List.copyOf(untouched);
    hidden = java.util.Collections.unmodifiableSet(new TreeSet<>(hidden));
    startIfInactiveAtReload =
        java.util.Collections.unmodifiableSet(new TreeSet<>(startIfInactiveAtReload));
    socketActivated = List.copyOf(socketActivated);
    daemonReloadReasons = List.copyOf(daemonReloadReasons);
    warnings = List.copyOf(warnings);
  }

  public boolean needsDaemonReload() {
    return !daemonReloadReasons.isEmpty();
  }

  /** True when the switch has no job to submit. */
  public boolean hasNoJobs() {
    return stop.isEmpty() && reload.isEmpty() && restart.isEmpty() && start.isEmpty();
  }

  public static List<UnitName> units(List<PlannedAction> actions) {
    return actions.stream().map(PlannedAction::unit).toList();
  }

  /**
   * The reload phase as stc-ng runs it: a reload candidate that is no longer running is dropped
   * and, if allowed, started instead. {@code running} answers for {@code active|activating}.
   */
  public SwitchPlan resolveInactiveReloads(Predicate<UnitName> running) {
    List<PlannedAction> keptReloads = new ArrayList<>();
    Map<UnitName, PlannedAction> starts = new LinkedHashMap<>();
    start.forEach(a -> starts.put(a.unit(), a));
    for (PlannedAction action : reload) {
      if (running.test(action.unit())) {
        keptReloads.add(action);
      } else if (startIfInactiveAtReload.contains(action.unit())) {
        starts.putIfAbsent(
            action.unit(),
            new PlannedAction(
                action.unit(), action.reason() + "; no longer running at reload: started instead"));
      }
    }
    List<PlannedAction> newStarts = new ArrayList<>(starts.values());
    newStarts.sort((a, b) -> PlanBuilder.LISTING_ORDER.compare(a.unit(), b.unit()));
    return new SwitchPlan(
        mode,
        stop,
        keptReloads,
        restart,
        newStarts,
        skip,
        untouched,
        hidden,
        startIfInactiveAtReload,
        socketActivated,
        daemonReloadReasons,
        warnings);
  }

  /**
   * This plan with {@code reasons} as why systemd re-reads its units (empty: it does not), for when
   * more than the planner's catalogs decides that ({@link DaemonReloadReasons}).
   */
  public SwitchPlan withDaemonReloadReasons(List<String> reasons) {
    return new SwitchPlan(
        mode,
        stop,
        reload,
        restart,
        start,
        skip,
        untouched,
        hidden,
        startIfInactiveAtReload,
        socketActivated,
        reasons,
        warnings);
  }

  /** The plan as stc-ng-style text; {@code dryRun} uses its "would …" wording. */
  public String render(boolean dryRun) {
    return PlanRenderer.render(this, dryRun);
  }

  /** The plan as nested maps, lists, strings and booleans, ready for a JSON writer. */
  public Map<String, Object> toData() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("mode", mode.label());
    data.put("daemonReload", needsDaemonReload());
    data.put("daemonReloadReasons", daemonReloadReasons);
    data.put("stop", actionData(stop));
    data.put("reload", actionData(reload));
    data.put("restart", actionData(restart));
    data.put("start", actionData(start));
    data.put("skip", actionData(skip));
    data.put("untouched", actionData(untouched));
    data.put("hidden", names(hidden));
    data.put("startIfInactiveAtReload", names(startIfInactiveAtReload));
    data.put(
        "socketActivated",
        socketActivated.stream()
            .map(
                s ->
                    Map.<String, Object>of(
                        "service", s.service().value(), "sockets", names(s.sockets())))
            .toList());
    data.put("warnings", warnings);
    return data;
  }

  private static List<String> names(java.util.Collection<UnitName> units) {
    return units.stream().map(UnitName::value).toList();
  }

  private static List<Map<String, String>> actionData(List<PlannedAction> actions) {
    List<Map<String, String>> list = new ArrayList<>();
    for (PlannedAction action : actions) {
      Map<String, String> entry = new LinkedHashMap<>();
      entry.put("unit", action.unit().value());
      entry.put("reason", action.reason());
      list.add(entry);
    }
    return list;
  }
}
