package org.modsvc.switcher.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.modsvc.switcher.plan.Fixture.TEST_UNIT;
import static org.modsvc.switcher.plan.Fixture.testService;
import static org.modsvc.switcher.plan.Fixture.units;
import static org.modsvc.switcher.plan.Fixture.withService;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rules of handle_modified_unit beyond the scenarios of docs/upstream.md §6, and the plan's two
 * renderings.
 */
class PlannerRulesTest {
  @Test
  void mount_reloads_whenOnlyOptionsChanged() {
    SwitchPlan plan =
        new Fixture()
            .both(
                "data.mount",
                "[Mount]\nWhat=/dev/a\nOptions=ro\n",
                "[Mount]\nWhat=/dev/a\nOptions=rw\n")
            .running("data.mount")
            .plan();
    assertEquals(List.of("data.mount"), units(plan.reload()));
  }

  @Test
  void mount_restarts_whenDeviceChanged() {
    SwitchPlan plan =
        new Fixture()
            .both("data.mount", "[Mount]\nWhat=/dev/a\n", "[Mount]\nWhat=/dev/b\n")
            .running("data.mount")
            .plan();
    assertEquals(List.of("data.mount"), units(plan.restart()));
  }

  @Test
  void rootMount_isOnlyReloaded_whenDeviceChanged() {
    SwitchPlan plan =
        new Fixture()
            .both("-.mount", "[Mount]\nWhat=/dev/a\n", "[Mount]\nWhat=/dev/b\n")
            .running("-.mount")
            .plan();
    assertEquals(List.of("-.mount"), units(plan.reload()));
    assertTrue(plan.restart().isEmpty());
  }

  @Test
  void slice_isLeftToDaemonReload_whenChanged() {
    SwitchPlan plan =
        new Fixture()
            .both("app.slice", "[Slice]\nCPUWeight=10\n", "[Slice]\nCPUWeight=20\n")
            .running("app.slice")
            .plan();
    assertTrue(plan.hasNoJobs());
    assertEquals(List.of("app.slice"), units(plan.untouched()));
  }

  @Test
  void path_isRestarted_whenChanged() {
    SwitchPlan plan =
        new Fixture()
            .both("w.path", "[Path]\nPathChanged=/a\n", "[Path]\nPathChanged=/b\n")
            .running("w.path")
            .plan();
    assertEquals(List.of("w.path"), units(plan.restart()));
  }

  @Test
  void onlyManualStart_skipsChangedService() {
    SwitchPlan plan =
        testService(
                "[Unit]\nX-OnlyManualStart=true\n" + TEST_UNIT.substring(7),
                "[Unit]\nX-OnlyManualStart=true\n" + withService("User=x").substring(7))
            .plan();
    assertEquals(List.of("test.service"), units(plan.skip()));
  }

  @Test
  void unitsWeNeverManaged_areNotTouched() {
    SwitchPlan plan = new Fixture().running("sshd.service", "multi-user.target").plan();
    assertTrue(plan.hasNoJobs());
    assertEquals(List.of(), plan.untouched());
  }

  @Test
  void render_listsEachUnitWithItsReason() {
    String text = testService(TEST_UNIT, TEST_UNIT.replace("hello", "bye")).plan().render(false);
    assertEquals(
        """
        stopping the following units: test.service
          test.service: argv changed: [Service] ExecStart
        reloading the systemd system manager: changed: test.service
        starting the following units: test.service
          test.service: argv changed: [Service] ExecStart
        """,
        text);
  }

  @Test
  void toData_givesPlainMapsListsAndStrings() {
    Map<String, Object> data = testService(TEST_UNIT, withService("User=x")).plan().toData();
    assertEquals("system", data.get("mode"));
    assertEquals(true, data.get("daemonReload"));
    assertEquals(
        List.of(Map.of("unit", "test.service", "reason", "added: [Service] User")),
        data.get("stop"));
    assertEquals(List.of(), data.get("restart"));
    assertEquals(List.of(), data.get("startIfInactiveAtReload"));
    assertEquals(List.of("changed: test.service"), data.get("daemonReloadReasons"));
  }
}
