package org.modsvc.switcher.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.modsvc.switcher.plan.Fixture.TEST_UNIT;
import static org.modsvc.switcher.plan.Fixture.testService;
import static org.modsvc.switcher.plan.Fixture.units;
import static org.modsvc.switcher.plan.Fixture.withService;
import static org.modsvc.switcher.plan.Fixture.withUnit;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.modsvc.switcher.unit.UnitName;

/**
 * The switch decisions of docs/upstream.md §6 B (switch-to-configuration-ng), one test per scenario
 * and case, named after the scenario. Scenario 52 (a failing ExecStart reported after the start
 * phase) is about job results and belongs to the executor's tests; the planner has no part in it.
 */
class SwitchScenariosTest {
  private static final String CHANGED = withService("Restart=always");
  private static final String MULTI_USER = "[Unit]\nDescription=Multi-User System\n";

  @Test
  void scenario31_noOutput_whenNewUnitIsIdentical() {
    SwitchPlan plan = testService(TEST_UNIT, TEST_UNIT).plan();
    assertTrue(plan.hasNoJobs());
    assertFalse(plan.needsDaemonReload());
    assertEquals("", plan.render(false));
  }

  @Test
  void scenario32_noAction_whenOnlyDescriptionChanged() {
    SwitchPlan plan =
        testService(TEST_UNIT, TEST_UNIT.replace("Description=test", "Description=other")).plan();
    assertTrue(plan.hasNoJobs());
    assertEquals(List.of(), plan.skip());
  }

  @Test
  void scenario33_stopsThenStarts_whenServiceKeyAdded() {
    SwitchPlan plan = testService(TEST_UNIT, CHANGED).plan();
    assertEquals(
        List.of(new PlannedAction(UnitName.of("test.service"), "added: [Service] Restart")),
        plan.stop());
    assertEquals(List.of("test.service"), units(plan.start()));
    assertEquals(List.of(), plan.restart());
    assertEquals(List.of(), plan.reload());
    String text = plan.render(false);
    assertTrue(text.contains("stopping the following units: test.service\n"), text);
    assertTrue(text.contains("starting the following units: test.service\n"), text);
  }

  @Test
  void scenario33_namesTheArgv_whenExecStartChanged() {
    SwitchPlan plan = testService(TEST_UNIT, TEST_UNIT.replace("hello", "bye")).plan();
    assertEquals(
        List.of(
            new PlannedAction(UnitName.of("test.service"), "argv changed: [Service] ExecStart")),
        plan.stop());
  }

  @Test
  void scenario34_restarts_whenStopIfChangedIsFalse() {
    SwitchPlan plan =
        testService(
                withService("X-StopIfChanged=false"),
                withService("X-StopIfChanged=false\nRestart=always"))
            .plan();
    assertEquals(
        List.of(
            new PlannedAction(
                UnitName.of("test.service"), "added: [Service] Restart; X-StopIfChanged=false")),
        plan.restart());
    assertEquals(List.of(), plan.stop());
    assertEquals(List.of(), plan.start());
    assertTrue(plan.render(false).contains("restarting the following units: test.service\n"));
  }

  @Test
  void scenario35_reloads_whenReloadIfChangedIsTrue() {
    SwitchPlan plan =
        testService(
                withService("X-ReloadIfChanged=true\nExecReload=/bin/kill -HUP $MAINPID"),
                withService(
                    "X-ReloadIfChanged=true\nExecReload=/bin/kill -HUP $MAINPID\nRestart=always"))
            .plan();
    assertEquals(List.of("test.service"), units(plan.reload()));
    assertTrue(plan.render(false).contains("reloading the following units: test.service\n"));
    assertEquals(List.of(), plan.stop());
    assertEquals(List.of(), plan.restart());
  }

  @Test
  void scenario36_skips_whenRestartIfChangedIsFalse() {
    SwitchPlan plan =
        testService(
                withService("X-RestartIfChanged=false"),
                withService("X-RestartIfChanged=false\nRestart=always"))
            .plan();
    assertEquals(List.of("test.service"), units(plan.skip()));
    assertTrue(plan.hasNoJobs());
    assertTrue(
        plan.render(false).contains("NOT restarting the following changed units: test.service\n"));
  }

  @Test
  void scenario37_skips_whenNewUnitRefusesManualStop() {
    SwitchPlan plan =
        testService(TEST_UNIT, withUnit("RefuseManualStop=true") + "[Service]\nRestart=always\n")
            .plan();
    assertEquals(
        List.of(
            new PlannedAction(
                UnitName.of("test.service"), "added: [Service] Restart; RefuseManualStop=true")),
        plan.skip());
    assertTrue(plan.hasNoJobs());
  }

  @Test
  void scenario38_reloads_whenReloadTriggersAdded() {
    SwitchPlan plan = testService(TEST_UNIT, withUnit("X-Reload-Triggers=/store/a")).plan();
    assertEquals(
        List.of(
            new PlannedAction(
                UnitName.of("test.service"), "reload triggers added: [Unit] X-Reload-Triggers")),
        plan.reload());
    assertEquals(List.of(), plan.stop());
  }

  @Test
  void scenario38_reloads_whenReloadTriggerValueChanged() {
    SwitchPlan plan =
        testService(withUnit("X-Reload-Triggers=/store/a"), withUnit("X-Reload-Triggers=/store/b"))
            .plan();
    assertEquals(List.of("test.service"), units(plan.reload()));
    assertTrue(plan.stop().isEmpty() && plan.restart().isEmpty() && plan.start().isEmpty());
  }

  @Test
  void scenario38_stopsThenStartsWithoutReload_whenTriggerAndServiceKeyChanged() {
    SwitchPlan plan =
        testService(
                withUnit("X-Reload-Triggers=/store/a"),
                withUnit("X-Reload-Triggers=/store/b")
                    .replace("[Service]\n", "[Service]\nRestart=always\n"))
            .plan();
    assertEquals(List.of("test.service"), units(plan.stop()));
    assertEquals(List.of("test.service"), units(plan.start()));
    assertEquals(List.of(), plan.reload());
  }

  @Test
  void scenario38_noAction_whenReloadTriggersRemoved() {
    SwitchPlan plan = testService(withUnit("X-Reload-Triggers=/store/a"), TEST_UNIT).plan();
    assertTrue(plan.hasNoJobs());
  }

  @Test
  void scenario39_warnsThatTheReloadWillFail_whenUnitHasNoExecReload() {
    SwitchPlan plan = testService(TEST_UNIT, withUnit("X-Reload-Triggers=/store/a")).plan();
    assertEquals(List.of("test.service"), units(plan.reload()));
    assertEquals(
        List.of(
            "test.service is to be reloaded but has no ExecReload=; systemd will fail the reload job"),
        plan.warnings());
  }

  @Test
  void scenario39_doesNotWarn_whenUnitHasExecReload() {
    SwitchPlan plan =
        testService(
                withService("ExecReload=/bin/true"),
                withService("ExecReload=/bin/true")
                    .replace("[Unit]\n", "[Unit]\nX-Reload-Triggers=/store/a\n"))
            .plan();
    assertEquals(List.of(), plan.warnings());
  }

  @Test
  void scenario40_stops_whenActiveUnitRemoved() {
    Fixture fixture = new Fixture().running("test.service");
    fixture.old.unit("test.service", TEST_UNIT);
    SwitchPlan plan = fixture.plan();
    assertEquals(
        List.of(new PlannedAction(UnitName.of("test.service"), "removed from the configuration")),
        plan.stop());
    assertTrue(plan.start().isEmpty());
  }

  @Test
  void scenario40_leavesRunning_whenRemovedUnitHadStopOnRemovalFalse() {
    Fixture fixture = new Fixture().running("test.service");
    fixture.old.unit("test.service", withUnit("X-StopOnRemoval=false"));
    SwitchPlan plan = fixture.plan();
    assertTrue(plan.hasNoJobs());
    assertEquals(List.of("test.service"), units(plan.untouched()));
  }

  @Test
  void scenario40_stops_whenUnitMaskedInNewGeneration() {
    Fixture fixture = testService(TEST_UNIT, TEST_UNIT);
    fixture.next.mask("test.service");
    assertEquals(List.of("test.service"), units(fixture.plan().stop()));
  }

  @Test
  void scenario41_startsNewUnitDirectly_whenWantedByActiveTarget() {
    Fixture fixture = new Fixture().running("multi-user.target");
    fixture.next.unit("new.service", TEST_UNIT).wantedBy("new.service", "multi-user.target");
    SwitchPlan plan = fixture.plan();
    assertEquals(
        List.of(
            new PlannedAction(
                UnitName.of("new.service"), "new unit wanted by active multi-user.target")),
        plan.start());
    assertEquals(List.of("added: new.service", "wants links changed"), plan.daemonReloadReasons());
  }

  @Test
  void scenario41_doesNotStartNewUnit_whenItsTargetIsInactive() {
    Fixture fixture = new Fixture();
    fixture.next.unit("new.service", TEST_UNIT).wantedBy("new.service", "graphical.target");
    assertEquals(List.of(), fixture.plan().start());
  }

  @Test
  void scenario42_noAction_whenChangedUnitIsInactive() {
    SwitchPlan plan = testService(TEST_UNIT, CHANGED).state("test.service", "inactive").plan();
    assertTrue(plan.hasNoJobs());
  }

  @Test
  void startsFailedUnit_whenChanged_becauseTheChangeIsLikelyItsFix() {
    SwitchPlan plan = testService(TEST_UNIT, CHANGED).state("test.service", "failed").plan();
    assertEquals(
        List.of(new PlannedAction(UnitName.of("test.service"), "changed while failed")),
        plan.start());
    assertEquals(List.of(), plan.untouched());
  }

  @Test
  void leavesFailedUnitAlone_whenUnchanged() {
    SwitchPlan plan =
        new Fixture()
            .same("test.service", TEST_UNIT)
            .state("test.service", "failed")
            .running("multi-user.target")
            .plan();
    assertTrue(plan.hasNoJobs());
  }

  @Test
  void startsChangedInactiveUnit_whenAnActiveTargetWantsIt() {
    Fixture fixture =
        new Fixture().both("test.service", TEST_UNIT, CHANGED).running("multi-user.target");
    fixture.old.wantedBy("test.service", "multi-user.target");
    fixture.next.wantedBy("test.service", "multi-user.target");
    SwitchPlan plan = fixture.plan();
    assertEquals(
        List.of(
            new PlannedAction(
                UnitName.of("test.service"),
                "changed while inactive, wanted by active multi-user.target")),
        plan.start());
  }

  @Test
  void scenario43_stopsServiceAndSocketAndStartsSocket_whenSocketActivatedServiceChanged() {
    String socket = "[Socket]\nListenStream=/run/sa.sock\n";
    SwitchPlan plan =
        new Fixture()
            .both("sa.service", TEST_UNIT, CHANGED)
            .same("sa.socket", socket)
            .running("sa.service", "sa.socket")
            .plan();
    assertEquals(List.of("sa.service", "sa.socket"), units(plan.stop()));
    assertEquals(List.of("sa.socket"), units(plan.start()));
    assertEquals(
        List.of(new SocketActivation(UnitName.of("sa.service"), List.of(UnitName.of("sa.socket")))),
        plan.socketActivated());
    assertTrue(
        plan.render(false).contains("stopping the following units: sa.service, sa.socket\n"));
    assertTrue(plan.render(false).contains("starting the following units: sa.socket\n"));
  }

  @Test
  void scenario43_restartsOnlyTheService_whenSocketActivatedServiceHasStopIfChangedFalse() {
    SwitchPlan plan =
        new Fixture()
            .both(
                "sa.service",
                withService("X-StopIfChanged=false"),
                withService("X-StopIfChanged=false\nUser=x"))
            .same("sa.socket", "[Socket]\nListenStream=/run/sa.sock\n")
            .running("sa.service", "sa.socket")
            .plan();
    assertEquals(List.of("sa.service"), units(plan.restart()));
    assertTrue(plan.stop().isEmpty() && plan.start().isEmpty());
  }

  @Test
  void scenario43_usesSocketsKey_whenServiceNamesItsSockets() {
    SwitchPlan plan =
        new Fixture()
            .both(
                "sa.service",
                withService("Sockets=one.socket two.socket"),
                withService("Sockets=one.socket two.socket\nUser=x"))
            .same("one.socket", "[Socket]\nListenStream=1\n")
            .same("two.socket", "[Socket]\nListenStream=2\n")
            .running("sa.service", "one.socket", "two.socket")
            .plan();
    assertEquals(List.of("one.socket", "sa.service", "two.socket"), units(plan.stop()));
    assertEquals(List.of("one.socket", "two.socket"), units(plan.start()));
  }

  @Test
  void scenario43_stopsButDoesNotStartSocket_whenSocketIsGoneFromNewGeneration() {
    Fixture fixture =
        new Fixture().both("sa.service", TEST_UNIT, CHANGED).running("sa.service", "sa.socket");
    fixture.old.unit("sa.socket", "[Socket]\nListenStream=/run/sa.sock\n");
    SwitchPlan plan = fixture.plan();
    assertEquals(List.of("sa.service", "sa.socket"), units(plan.stop()));
    assertEquals(List.of("sa.service"), units(plan.start()));
  }

  @Test
  void scenario43_startsServiceToo_whenServiceSaysNotSocketActivated() {
    SwitchPlan plan =
        new Fixture()
            .both(
                "sa.service",
                withService("X-NotSocketActivated=true"),
                withService("X-NotSocketActivated=true\nUser=x"))
            .same("sa.socket", "[Socket]\nListenStream=/run/sa.sock\n")
            .running("sa.service", "sa.socket")
            .plan();
    assertEquals(List.of("sa.service", "sa.socket"), units(plan.start()));
  }

  @Test
  void scenario44_noAction_whenSocketUnitChanged() {
    SwitchPlan plan =
        new Fixture()
            .both("sa.socket", "[Socket]\nListenStream=/a\n", "[Socket]\nListenStream=/b\n")
            .running("sa.socket")
            .plan();
    assertTrue(plan.hasNoJobs());
    assertEquals(List.of("sa.socket"), units(plan.untouched()));
  }

  @Test
  void scenario45_restartsTimer_whenTimerChanged() {
    SwitchPlan plan =
        new Fixture()
            .both("t.timer", "[Timer]\nOnCalendar=daily\n", "[Timer]\nOnCalendar=hourly\n")
            .running("t.timer")
            .plan();
    assertEquals(
        List.of(new PlannedAction(UnitName.of("t.timer"), "changed: [Timer] OnCalendar")),
        plan.restart());
    assertTrue(plan.stop().isEmpty() && plan.start().isEmpty());
    assertTrue(plan.render(false).contains("restarting the following units: t.timer\n"));
  }

  @Test
  void scenario46_stopsAndStartsUnprinted_whenTargetStopsOnReconfiguration() {
    String target = "[Unit]\nX-StopOnReconfiguration=true\n";
    SwitchPlan plan = new Fixture().same("foo.target", target).running("foo.target").plan();
    assertEquals(List.of("foo.target"), units(plan.stop()));
    assertEquals(List.of("foo.target"), units(plan.start()));
    assertFalse(plan.render(false).contains("foo.target"));
  }

  @Test
  void scenario46_leavesActiveTargetAlone_whenTargetsAreNotRestartedWholesale() {
    SwitchPlan plan =
        new Fixture()
            .both("foo.target", "[Unit]\nDescription=a\n", "[Unit]\nWants=x.service\n")
            .running("foo.target")
            .plan();
    assertTrue(plan.hasNoJobs());
  }

  @Test
  void scenario46_stillStopsAndStarts_whenTargetAsksForItAndTargetsAreNotRestartedWholesale() {
    SwitchPlan plan =
        new Fixture()
            .same("foo.target", "[Unit]\nX-StopOnReconfiguration=true\n")
            .running("foo.target")
            .plan();
    assertEquals(List.of("foo.target"), units(plan.stop()));
    assertEquals(List.of("foo.target"), units(plan.start()));
  }

  @Test
  void scenario48_startsReloadCandidate_whenItIsNoLongerRunningAtReload() {
    SwitchPlan plan =
        testService(TEST_UNIT, withUnit("X-Reload-Triggers=/store/a"))
            .plan()
            .resolveInactiveReloads(unit -> false);
    assertEquals(List.of(), plan.reload());
    assertEquals(List.of("test.service"), units(plan.start()));
    assertTrue(plan.render(false).contains("starting the following units: test.service\n"));
  }

  @Test
  void scenario48_dropsReloadCandidate_whenNoLongerRunningAndRefusesManualStart() {
    SwitchPlan plan =
        testService(TEST_UNIT, withUnit("X-Reload-Triggers=/store/a\nRefuseManualStart=true"))
            .plan()
            .resolveInactiveReloads(unit -> false);
    assertEquals(List.of(), plan.reload());
    assertEquals(List.of(), plan.start());
  }

  @Test
  void scenario48_keepsReload_whenStillRunning() {
    SwitchPlan plan =
        testService(TEST_UNIT, withUnit("X-Reload-Triggers=/store/a"))
            .plan()
            .resolveInactiveReloads(unit -> true);
    assertEquals(List.of("test.service"), units(plan.reload()));
  }

  private static SwitchPlan requestedRestart(String unitText, boolean running) {
    Fixture fixture = new Fixture().same("svc.service", unitText);
    if (running) {
      fixture.running("svc.service");
    }
    fixture.extra = ExtraWork.requested(Set.of(UnitName.of("svc.service")), Set.of());
    return fixture.plan();
  }

  @Test
  void scenario49_startsRequestedRestart_whenUnitIsInactive() {
    SwitchPlan plan = requestedRestart(TEST_UNIT, false);
    assertEquals(List.of("svc.service"), units(plan.start()));
  }

  @Test
  void scenario49_restarts_whenRequestedForRunningUnitWithDefaults() {
    SwitchPlan plan = requestedRestart(TEST_UNIT, true);
    assertEquals(
        List.of(new PlannedAction(UnitName.of("svc.service"), "restart requested")),
        plan.restart());
    assertTrue(plan.stop().isEmpty() && plan.start().isEmpty());
  }

  @Test
  void scenario49_skips_whenRequestedRestartHasRestartIfChangedFalse() {
    SwitchPlan plan = requestedRestart(withService("X-RestartIfChanged=false"), true);
    assertEquals(List.of("svc.service"), units(plan.skip()));
    assertTrue(plan.hasNoJobs());
  }

  @Test
  void scenario49_reloads_whenRequestedRestartHasReloadIfChanged() {
    SwitchPlan plan = requestedRestart(withService("X-ReloadIfChanged=true"), true);
    assertEquals(List.of("svc.service"), units(plan.reload()));
    assertTrue(plan.restart().isEmpty());
  }

  @Test
  void scenario49_reloadsRequestedReload_onlyWhenRunningAndNotRestarted() {
    Fixture fixture =
        new Fixture()
            .same("a.service", TEST_UNIT)
            .same("b.service", TEST_UNIT)
            .same("c.service", TEST_UNIT)
            .running("a.service", "b.service");
    fixture.extra =
        new ExtraWork(
            Set.of(UnitName.of("b.service")),
            Set.of(UnitName.of("a.service"), UnitName.of("b.service"), UnitName.of("c.service")),
            Set.of(),
            Set.of(),
            Set.of());
    SwitchPlan plan = fixture.plan();
    assertEquals(
        List.of(new PlannedAction(UnitName.of("a.service"), "reload requested")), plan.reload());
    assertEquals(List.of("b.service"), units(plan.restart()));
  }

  @Test
  void scenario50_completesJournaledWork_whenPreviousSwitchWasInterrupted() {
    Fixture fixture = new Fixture().same("a.service", TEST_UNIT);
    fixture.extra =
        ExtraWork.resumed(
            Set.of(UnitName.of("a.service")),
            Set.of(UnitName.of("b.service")),
            Set.of(UnitName.of("c.service")));
    SwitchPlan plan = fixture.plan();
    assertEquals(
        List.of(new PlannedAction(UnitName.of("a.service"), "journaled by an interrupted switch")),
        plan.start());
    assertEquals(List.of("b.service"), units(plan.restart()));
    assertEquals(List.of("c.service"), units(plan.reload()));
  }

  @Test
  void scenario51_printsWouldStopAndWouldStart_whenDryRun() {
    String text = testService(TEST_UNIT, CHANGED).plan().render(true);
    assertTrue(text.contains("would stop the following units: test.service\n"), text);
    assertTrue(text.contains("would start the following units: test.service\n"), text);
    assertFalse(text.contains("stopping"), text);
  }

  @Test
  void scenario53_stopsAndStartsEveryInstance_whenTemplateChanged() {
    Fixture fixture =
        new Fixture()
            .both("inst@.service", TEST_UNIT, CHANGED)
            .running("inst@one.service", "inst@two.service");
    SwitchPlan plan = fixture.plan();
    assertEquals(List.of("inst@one.service", "inst@two.service"), units(plan.stop()));
    assertEquals(List.of("inst@one.service", "inst@two.service"), units(plan.start()));
  }

  @Test
  void scenario53_restartsOnlyTheInstance_whenOnlyItsDropInChanged() {
    Fixture fixture =
        new Fixture()
            .same("inst@.service", TEST_UNIT)
            .running("inst@one.service", "inst@two.service");
    fixture.next.dropIn("inst@one.service", "env.conf", "[Service]\nEnvironment=A=1\n");
    SwitchPlan plan = fixture.plan();
    assertEquals(List.of("inst@one.service"), units(plan.stop()));
  }

  @Test
  void scenario54_noAction_whenOnlyConfigDataChangedAndUnitIsIdentical() {
    SwitchPlan plan = testService(TEST_UNIT, TEST_UNIT).plan();
    assertTrue(plan.hasNoJobs());
    assertFalse(plan.render(false).contains("test.service"));
  }
}
