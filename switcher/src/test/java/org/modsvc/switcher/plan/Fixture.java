package org.modsvc.switcher.plan;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.modsvc.switcher.unit.UnitCatalog;
import org.modsvc.switcher.unit.UnitName;

/** Builds planner inputs from literal unit texts: an old and a new generation plus live states. */
final class Fixture {
  static final String TEST_UNIT =
      """
      [Unit]
      Description=test
      [Service]
      ExecStart="/bin/hello"
      [Install]
      WantedBy=multi-user.target
      """;

  final UnitCatalog.Builder old = UnitCatalog.builder();
  final UnitCatalog.Builder next = UnitCatalog.builder();
  final Map<String, LiveState> live = new LinkedHashMap<>();
  SwitchMode mode = SwitchMode.SYSTEM;
  ExtraWork extra = ExtraWork.none();

  /** A running {@code test.service} changing from {@code oldText} to {@code newText}. */
  static Fixture testService(String oldText, String newText) {
    return new Fixture().both("test.service", oldText, newText).running("test.service");
  }

  Fixture both(String unit, String oldText, String newText) {
    old.unit(unit, oldText);
    next.unit(unit, newText);
    return this;
  }

  Fixture same(String unit, String text) {
    return both(unit, text, text);
  }

  Fixture running(String... units) {
    for (String unit : units) {
      live.put(unit, LiveState.active());
    }
    return this;
  }

  Fixture state(String unit, String activeState) {
    live.put(unit, LiveState.of(activeState));
    return this;
  }

  Fixture user() {
    mode = SwitchMode.USER;
    return this;
  }

  SwitchPlan plan() {
    Map<UnitName, LiveState> states = new LinkedHashMap<>();
    live.forEach((unit, state) -> states.put(UnitName.of(unit), state));
    return Planner.plan(new PlanInput(old.build(), next.build(), states, mode, extra));
  }

  static List<String> units(List<PlannedAction> actions) {
    return names(SwitchPlan.units(actions));
  }

  static List<String> names(Collection<UnitName> units) {
    return units.stream().map(UnitName::value).toList();
  }

  /** The unit's test text with one extra {@code [Service]} line. */
  static String withService(String line) {
    return TEST_UNIT.replace("[Service]\n", "[Service]\n" + line + "\n");
  }

  static String withUnit(String line) {
    return TEST_UNIT.replace("[Unit]\n", "[Unit]\n" + line + "\n");
  }
}
