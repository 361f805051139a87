package org.modsvc.switcher.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.modsvc.switcher.plan.Fixture.TEST_UNIT;
import static org.modsvc.switcher.plan.Fixture.testService;
import static org.modsvc.switcher.plan.Fixture.units;
import static org.modsvc.switcher.plan.Fixture.withService;
import static org.modsvc.switcher.plan.Fixture.withUnit;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.modsvc.switcher.unit.UnitName;

/**
 * The switching scenarios of docs/upstream.md §6 C (Home Manager with sd-switch) in user mode, and
 * the {@code X-SwitchMethod} override (docs/upstream.md §5.5) that our contract takes from
 * sd-switch.
 */
class SdSwitchScenariosTest {
  private static final String SERVICE_CHANGE = "Restart=always";

  private static SwitchPlan userSwitch(String oldText, String newText) {
    return testService(oldText, newText).user().plan();
  }

  @Test
  void scenario59_leavesRunningUnitUntouched_whenSwitchMethodIsKeepOld() {
    SwitchPlan plan =
        userSwitch(
            withUnit("X-SwitchMethod=keep-old"),
            withUnit("X-SwitchMethod=keep-old")
                .replace("[Service]\n", "[Service]\n" + SERVICE_CHANGE + "\n"));
    assertTrue(plan.hasNoJobs());
    assertEquals(
        List.of(
            new PlannedAction(
                UnitName.of("test.service"), "added: [Service] Restart; X-SwitchMethod=keep-old")),
        plan.skip());
  }

  @Test
  void scenario60_stopsThenStarts_whenNoSwitchMethodAndServiceChanged() {
    SwitchPlan plan = userSwitch(TEST_UNIT, withService(SERVICE_CHANGE));
    assertEquals(SwitchMode.USER, plan.mode());
    assertEquals(List.of("test.service"), units(plan.stop()));
    assertEquals(List.of("test.service"), units(plan.start()));
  }

  @Test
  void scenario61_reloads_whenOnlyReloadTriggersDiffer() {
    SwitchPlan plan =
        userSwitch(withUnit("X-Reload-Triggers=/store/a"), withUnit("X-Reload-Triggers=/store/b"));
    assertEquals(
        List.of(
            new PlannedAction(
                UnitName.of("test.service"), "reload triggers changed: [Unit] X-Reload-Triggers")),
        plan.reload());
    assertTrue(plan.stop().isEmpty() && plan.start().isEmpty() && plan.restart().isEmpty());
  }

  @Test
  void scenario61_reloads_whenOnlyReloadTriggersDifferEvenWithKeepOld() {
    SwitchPlan plan =
        userSwitch(
            withUnit("X-SwitchMethod=keep-old\nX-Reload-Triggers=/store/a"),
            withUnit("X-SwitchMethod=keep-old\nX-Reload-Triggers=/store/b"));
    assertEquals(List.of("test.service"), units(plan.reload()));
  }

  @Test
  void scenario62_stopsAndDoesNotStart_whenChangedUnitRefusesManualStart() {
    SwitchPlan plan =
        userSwitch(
            withUnit("RefuseManualStart=true"),
            withUnit("RefuseManualStart=true")
                .replace("[Service]\n", "[Service]\n" + SERVICE_CHANGE + "\n"));
    assertEquals(
        List.of(
            new PlannedAction(
                UnitName.of("test.service"),
                "added: [Service] Restart; RefuseManualStart=true; not started again")),
        plan.stop());
    assertEquals(List.of(), plan.start());
  }

  @Test
  void scenario63_startsNewUnit_whenWantedByActiveDefaultTarget() {
    Fixture fixture = new Fixture().user().running("default.target");
    fixture.next.unit("new.service", TEST_UNIT).wantedBy("new.service", "default.target");
    SwitchPlan plan = fixture.plan();
    assertEquals(
        List.of(
            new PlannedAction(
                UnitName.of("new.service"), "new unit wanted by active default.target")),
        plan.start());
  }

  @Test
  void scenario63_startsExistingUnit_whenNewlyWantedByActiveTarget() {
    Fixture fixture = new Fixture().user().same("old.service", TEST_UNIT).running("default.target");
    fixture.next.wantedBy("old.service", "default.target");
    SwitchPlan plan = fixture.plan();
    assertEquals(
        List.of(
            new PlannedAction(UnitName.of("old.service"), "newly wanted by active default.target")),
        plan.start());
  }

  @Test
  void scenario63_doesNotResurrectUnitStoppedByHand_whenItWasAlreadyWanted() {
    Fixture fixture = new Fixture().user().same("old.service", TEST_UNIT).running("default.target");
    fixture.old.wantedBy("old.service", "default.target");
    fixture.next.wantedBy("old.service", "default.target");
    assertTrue(fixture.plan().hasNoJobs());
  }

  @Test
  void scenario63_doesNotStartNewUnit_whenItRefusesManualStart() {
    Fixture fixture = new Fixture().user().running("default.target");
    fixture
        .next
        .unit("new.service", withUnit("RefuseManualStart=true"))
        .wantedBy("new.service", "default.target");
    SwitchPlan plan = fixture.plan();
    assertEquals(List.of(), plan.start());
    assertEquals(List.of("new.service"), units(plan.untouched()));
  }

  @Test
  void switchMethodReload_reloadsInsteadOfRestarting_whenServiceChanged() {
    SwitchPlan plan =
        userSwitch(
            withUnit("X-SwitchMethod=reload"),
            withUnit("X-SwitchMethod=reload")
                .replace("[Service]\n", "[Service]\n" + SERVICE_CHANGE + "\n"));
    assertEquals(List.of("test.service"), units(plan.reload()));
    assertTrue(plan.stop().isEmpty() && plan.restart().isEmpty());
  }

  @Test
  void switchMethodRestart_restarts_whenServiceChanged() {
    SwitchPlan plan =
        userSwitch(
            withUnit("X-SwitchMethod=restart"),
            withUnit("X-SwitchMethod=restart")
                .replace("[Service]\n", "[Service]\n" + SERVICE_CHANGE + "\n"));
    assertEquals(List.of("test.service"), units(plan.restart()));
    assertTrue(plan.stop().isEmpty() && plan.start().isEmpty());
  }

  @Test
  void switchMethodStopStart_overridesLegacyStopIfChanged() {
    String unit =
        withUnit("X-SwitchMethod=stop-start")
            .replace("[Service]\n", "[Service]\nX-StopIfChanged=false\n");
    SwitchPlan plan =
        userSwitch(unit, unit.replace("[Service]\n", "[Service]\n" + SERVICE_CHANGE + "\n"));
    assertEquals(List.of("test.service"), units(plan.stop()));
    assertEquals(List.of("test.service"), units(plan.start()));
  }

  @Test
  void switchMethodStopStart_stopsAndStartsTimer_whichStcNgWouldRestart() {
    SwitchPlan plan =
        new Fixture()
            .both(
                "t.timer",
                "[Unit]\nX-SwitchMethod=stop-start\n[Timer]\nOnCalendar=daily\n",
                "[Unit]\nX-SwitchMethod=stop-start\n[Timer]\nOnCalendar=hourly\n")
            .running("t.timer")
            .plan();
    assertEquals(List.of("t.timer"), units(plan.stop()));
    assertEquals(List.of("t.timer"), units(plan.start()));
  }

  @Test
  void switchMethodRestart_restartsSocket_whichStcNgWouldLeaveAlone() {
    SwitchPlan plan =
        new Fixture()
            .both(
                "a.socket",
                "[Unit]\nX-SwitchMethod=restart\n[Socket]\nListenStream=1\n",
                "[Unit]\nX-SwitchMethod=restart\n[Socket]\nListenStream=2\n")
            .running("a.socket")
            .plan();
    assertEquals(List.of("a.socket"), units(plan.restart()));
  }

  @Test
  void plan_failsNamingUnitAndValue_whenSwitchMethodIsUnknown() {
    PlanException expected =
        assertThrows(
            PlanException.class,
            () ->
                userSwitch(
                    withUnit("X-SwitchMethod=stop-only"),
                    withUnit("X-SwitchMethod=stop-only")
                        .replace("[Service]\n", "[Service]\n" + SERVICE_CHANGE + "\n")));
    assertEquals(
        "test.service: [Unit] X-SwitchMethod=stop-only is not one of reload, restart, stop-start, keep-old",
        expected.getMessage());
  }
}
