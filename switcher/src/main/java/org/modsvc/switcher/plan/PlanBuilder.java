package org.modsvc.switcher.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.modsvc.switcher.unit.UnitName;

/**
 * The mutable sets stc-ng threads through {@code handle_modified_unit} ({@code units_to_stop}, …),
 * kept inside the planner so that the result can be immutable. Each unit keeps every distinct
 * reason it was added for; sets sort case-insensitively, as stc-ng lists them.
 */
final class PlanBuilder {
  static final Comparator<UnitName> LISTING_ORDER =
      Comparator.comparing(
          UnitName::value, String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()));

  final UnitSet stop = new UnitSet();
  final UnitSet reload = new UnitSet();
  final UnitSet restart = new UnitSet();
  final UnitSet start = new UnitSet();
  final UnitSet skip = new UnitSet();
  final UnitSet untouched = new UnitSet();
  final Set<UnitName> hidden = new TreeSet<>(LISTING_ORDER);
  final Map<UnitName, List<UnitName>> socketActivated = new TreeMap<>(LISTING_ORDER);
  final List<String> warnings = new ArrayList<>();

  /** One of the sets (a job phase, or the skipped and untouched units), unit → reasons. */
  static final class UnitSet {
    private final Map<UnitName, Set<String>> units = new TreeMap<>(LISTING_ORDER);

    void add(UnitName unit, String reason) {
      units.computeIfAbsent(unit, u -> new LinkedHashSet<>()).add(reason);
    }

    void remove(UnitName unit) {
      units.remove(unit);
    }

    boolean contains(UnitName unit) {
      return units.containsKey(unit);
    }

    Set<UnitName> names() {
      return units.keySet();
    }

    List<PlannedAction> actions() {
      List<PlannedAction> list = new ArrayList<>();
      units.forEach(
          (unit, reasons) -> list.add(new PlannedAction(unit, String.join("; ", reasons))));
      return list;
    }
  }
}
