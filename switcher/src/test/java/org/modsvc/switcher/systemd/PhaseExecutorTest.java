package org.modsvc.switcher.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.modsvc.switcher.plan.Phase;
import org.modsvc.switcher.plan.PhasePlan;
import org.modsvc.switcher.unit.UnitName;

/**
 * The executor's own decisions against an in-memory manager that counts its calls by D-Bus method
 * name, as {@link SystemdClient} does: the order of the phases and when a daemon-reload ({@code
 * Reload}) is made.
 */
class PhaseExecutorTest {
  /**
   * Counts calls like the real client and ends every job {@code done}; remembers the order of
   * events.
   */
  static final class CountingManager implements ManagerCalls {
    final CallCounter calls = new CallCounter();
    final List<String> events = new ArrayList<>();

    @Override
    public void daemonReload() {
      calls.count("Reload");
      events.add("daemon-reload");
    }

    @Override
    public void resetFailed(UnitName unit) {
      calls.count("ResetFailedUnit");
      events.add("reset-failed " + unit);
    }

    @Override
    public List<JobOutcome> runJobs(
        List<JobRequest> jobs, BiConsumer<JobOutcome, Duration> finished) {
      List<JobOutcome> out = new ArrayList<>();
      for (JobRequest job : jobs) {
        calls.count(job.kind().method());
        events.add(job.kind().verb() + " " + job.unit());
        JobOutcome o = new JobOutcome(job.unit().value(), job.kind(), JobStatus.DONE, "done", "");
        finished.accept(o, Duration.ZERO);
        out.add(o);
      }
      return out;
    }

    @Override
    public UnitState unitState(String unit) {
      throw new AssertionError("no settle window in these tests");
    }
  }

  private static List<UnitName> names(String... names) {
    return java.util.Arrays.stream(names).map(UnitName::of).toList();
  }

  private static PhasePlan plan(boolean daemonReload) {
    return new PhasePlan(
        names("old.service"),
        names("r.service"),
        names("c.service"),
        names("new.service"),
        names("new.service"),
        daemonReload);
  }

  private static List<String> run(CountingManager manager, PhasePlan plan, boolean unitFilesChanged)
      throws Exception {
    new PhaseExecutor(manager, JournalTail.none())
        .execute(
            plan,
            () -> {
              manager.events.add("files");
              return unitFilesChanged;
            });
    return manager.events;
  }

  @Test
  void aPlanThatNeedsNoDaemonReload_makesNoReloadCall() throws Exception {
    CountingManager manager = new CountingManager();

    List<String> events = run(manager, plan(false), false);

    assertEquals(
        List.of(
            "stop old.service",
            "files",
            "reset-failed new.service",
            "reload r.service",
            "restart c.service",
            "start new.service"),
        events);
    assertEquals(null, manager.calls.snapshot().get("Reload"));
    assertEquals(
        Map.of(
            "ReloadUnit",
            1L,
            "ResetFailedUnit",
            1L,
            "RestartUnit",
            1L,
            "StartUnit",
            1L,
            "StopUnit",
            1L),
        manager.calls.snapshot());
  }

  @Test
  void aPlanThatNeedsADaemonReload_makesExactlyOne_afterTheFilesAndBeforeTheReloadPhase()
      throws Exception {
    CountingManager manager = new CountingManager();

    List<String> events = run(manager, plan(true), false);

    assertEquals(
        List.of(
            "stop old.service",
            "files",
            "daemon-reload",
            "reset-failed new.service",
            "reload r.service",
            "restart c.service",
            "start new.service"),
        events);
    assertEquals(1L, manager.calls.snapshot().get("Reload"));
  }

  @Test
  void aFilePhaseThatChangedTheUnitDirectory_reloadsEvenWhenThePlanSawNoChange() throws Exception {
    CountingManager manager = new CountingManager();

    List<String> events = run(manager, plan(false), true);

    assertEquals("daemon-reload", events.get(2), events.toString());
    assertEquals(1L, manager.calls.snapshot().get("Reload"));
  }

  @Test
  void eachJobPhaseSubmitsItsKindOfJob_andTheFilePhaseNone() {
    assertEquals(JobKind.STOP, PhaseExecutor.jobKind(Phase.STOP));
    assertEquals(JobKind.RELOAD, PhaseExecutor.jobKind(Phase.RELOAD));
    assertEquals(JobKind.RESTART, PhaseExecutor.jobKind(Phase.RESTART));
    assertEquals(JobKind.START, PhaseExecutor.jobKind(Phase.START));
    assertThrows(IllegalArgumentException.class, () -> PhaseExecutor.jobKind(Phase.FILES));
  }
}
