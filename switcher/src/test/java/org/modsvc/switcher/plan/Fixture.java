package org.modsvc.switcher.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.modsvc.switcher.unit.UnitCatalog;

/** Builds planner inputs from literal unit texts: an old and a new generation plus live states. */
final class Fixture {
  static final String TEST_UNIT = """
      [Unit]
      Description=test
      [Service]
      ExecStart="/bin/hello"
      [Install]
      WantedBy=multi-user.target
      """;

  final UnitCatalog.Builder old = UnitCatalog.builder();
  final UnitCatalog.Builder next = UnitCatalog.builder();
  final Map<String, UnitState> live = new LinkedHashMap<>();
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
      live.put(unit, UnitState.active());
    }
    return this;
  }

  Fixture state(String unit, String activeState) {
    live.put(unit, UnitState.of(activeState));
    return this;
  }

  Fixture user() {
    mode = SwitchMode.USER;
    return this;
  }

  SwitchPlan plan() {
    return Planner.plan(new PlanInput(old.build(), next.build(), live, mode, extra));
  }

  static List<String> units(List<PlannedAction> actions) {
    return SwitchPlan.units(actions);
  }

  /** The unit's test text with one extra {@code [Service]} line. */
  static String withService(String line) {
    return TEST_UNIT.replace("[Service]\n", "[Service]\n" + line + "\n");
  }

  static String withUnit(String line) {
    return TEST_UNIT.replace("[Unit]\n", "[Unit]\n" + line + "\n");
  }
}
