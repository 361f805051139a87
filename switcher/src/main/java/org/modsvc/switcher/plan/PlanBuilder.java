package org.modsvc.switcher.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The mutable sets stc-ng threads through {@code handle_modified_unit} ({@code units_to_stop}, …),
 * kept inside the planner so that the result can be immutable. Each unit keeps every distinct reason
 * it was added for; sets sort case-insensitively, as stc-ng lists them.
 */
final class PlanBuilder {
  static final Comparator<String> LISTING_ORDER =
      String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

  final Phase stop = new Phase();
  final Phase reload = new Phase();
  final Phase restart = new Phase();
  final Phase start = new Phase();
  final Phase skip = new Phase();
  final Phase untouched = new Phase();
  final Set<String> hidden = new TreeSet<>(LISTING_ORDER);
  final Map<String, List<String>> socketActivated = new TreeMap<>(LISTING_ORDER);
  final List<String> warnings = new ArrayList<>();

  /** One of the sets, unit → reasons. */
  static final class Phase {
    private final Map<String, Set<String>> units = new TreeMap<>(LISTING_ORDER);

    void add(String unit, String reason) {
      units.computeIfAbsent(unit, u -> new LinkedHashSet<>()).add(reason);
    }

    void remove(String unit) {
      units.remove(unit);
    }

    boolean contains(String unit) {
      return units.containsKey(unit);
    }

    Set<String> names() {
      return units.keySet();
    }

    List<PlannedAction> actions() {
      List<PlannedAction> list = new ArrayList<>();
      units.forEach((unit, reasons) -> list.add(new PlannedAction(unit, String.join("; ", reasons))));
      return list;
    }
  }
}
