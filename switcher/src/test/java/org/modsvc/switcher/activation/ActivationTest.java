package org.modsvc.switcher.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modsvc.switcher.config.UnitDirectorySource;
import org.modsvc.switcher.generation.Checkpoint;
import org.modsvc.switcher.generation.GenerationSwitcher;
import org.modsvc.switcher.generation.Layout;
import org.modsvc.switcher.plan.LiveState;
import org.modsvc.switcher.plan.Phase;
import org.modsvc.switcher.plan.PhasePlan;
import org.modsvc.switcher.plan.SwitchMode;
import org.modsvc.switcher.systemd.JobKind;
import org.modsvc.switcher.systemd.JobOutcome;
import org.modsvc.switcher.systemd.JobStatus;
import org.modsvc.switcher.systemd.PhaseExecutor;
import org.modsvc.switcher.systemd.PhaseReport;
import org.modsvc.switcher.systemd.SwitchReport;
import org.modsvc.switcher.unit.UnitName;

/**
 * A whole switch against an in-memory manager whose jobs all succeed: what the run reports around
 * the jobs.
 */
class ActivationTest {
  @TempDir Path tmp;

  /**
   * Every job ends {@code done}; the listener hears each as the executor would tell it, and the
   * daemon-reload is made on the executor's condition (the plan asks for it, or the file phase
   * changed the unit directory).
   */
  static final class DoneManager implements ServiceManager {
    final Map<UnitName, LiveState> live =
        new TreeMap<>(Map.of(UnitName.of("multi-user.target"), LiveState.active()));
    static final List<PhasePlan> executed = new ArrayList<>();
    static final List<Boolean> unitFilesChanged = new ArrayList<>();

    @Override
    public Map<UnitName, LiveState> liveStates() {
      return live;
    }

    @Override
    public SwitchReport execute(
        PhasePlan plan, PhaseExecutor.FilesWriter files, PhaseExecutor.Listener listener)
        throws IOException {
      executed.add(plan);
      List<PhaseReport> phases = new ArrayList<>();
      for (Phase phase : Phase.JOB_PHASES) {
        if (phase == Phase.RELOAD) {
          boolean changed = files.write();
          unitFilesChanged.add(changed);
          listener.filesWritten();
          if (plan.daemonReload() || changed) {
            listener.daemonReloaded();
          }
        }
        List<JobOutcome> outcomes = new ArrayList<>();
        if (!plan.units(phase).isEmpty()) listener.phaseStarting(phase, plan.units(phase));
        for (UnitName unit : plan.units(phase)) {
          JobOutcome o =
              new JobOutcome(
                  unit.value(), JobKind.valueOf(phase.name()), JobStatus.DONE, "done", "");
          listener.jobFinished(phase, o, Duration.ofMillis(210));
          outcomes.add(o);
        }
        phases.add(new PhaseReport(phase, outcomes));
      }
      return new SwitchReport(phases, List.of());
    }

    @Override
    public Map<String, Long> callCounts() {
      return Map.of();
    }

    @Override
    public void close() {}
  }

  private final List<String> progress = new ArrayList<>();

  @org.junit.jupiter.api.BeforeEach
  void forgetEarlierRuns() {
    DoneManager.executed.clear();
    DoneManager.unitFilesChanged.clear();
  }

  private Activation activation(Layout layout, int keep) {
    GenerationSwitcher gs = new GenerationSwitcher(layout, Clock.systemUTC(), Checkpoint.NONE);
    return new Activation(
        gs,
        SwitchMode.SYSTEM,
        DoneManager::new,
        SwitchOptions.defaults().withKeepGenerations(keep),
        Checkpoint.NONE,
        progress::add);
  }

  private Path units(String name, String description) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("units-" + name + "-" + description.hashCode()));
    Files.writeString(
        dir.resolve(name),
        "[Unit]\nDescription="
            + description
            + "\n[Service]\nExecStart=/bin/true\n[Install]\nWantedBy=multi-user.target\n");
    return dir;
  }

  @Test
  void printsEachJobAsItEnds() throws IOException {
    Layout layout = Layout.system(tmp.resolve("root"));
    activation(layout, 10).switchTo(new UnitDirectorySource(units("web.service", "a")));
    assertTrue(progress.contains("start phase: web.service"), progress.toString());
    assertTrue(progress.contains("start web.service … done 0.21 s"), progress.toString());
    assertTrue(progress.contains("daemon-reload done"), progress.toString());
  }

  @Test
  void saysWhichGenerationsGarbageCollectionDeleted() throws IOException {
    Layout layout = Layout.system(tmp.resolve("root"));
    activation(layout, 1).switchTo(new UnitDirectorySource(units("web.service", "a")));
    SwitchResult second =
        activation(layout, 1).switchTo(new UnitDirectorySource(units("web.service", "b")));
    assertEquals(List.of(1), second.gc().orElseThrow().generationsDeleted());
    assertTrue(
        second
            .render()
            .contains(
                "garbage collection (--keep-generations 1): deleted 1 generation(s) 1 "
                    + "(keeping the newest 1)"),
        second.render());
  }

  @Test
  void aGarbageCollectionProblemAfterACompletedSwitchIsAWarning() throws IOException {
    Layout layout = Layout.system(tmp.resolve("root"));
    activation(layout, 10).switchTo(new UnitDirectorySource(units("web.service", "a")));
    activation(layout, 10).switchTo(new UnitDirectorySource(units("web.service", "b")));
    Path manifest =
        new org.modsvc.switcher.generation.Generations(layout).dirOf(1).resolve("manifest.json");
    Files.writeString(manifest, "{ not json");
    SwitchResult third =
        activation(layout, 10).switchTo(new UnitDirectorySource(units("web.service", "c")));
    assertEquals(ExitCode.OK, third.exitCode());
    assertEquals(3, third.to());
    assertTrue(
        third.warnings().stream()
            .anyMatch(
                w ->
                    w.startsWith(
                        "garbage collection failed, the switch itself " + "is complete: ")),
        third.warnings().toString());
    assertTrue(third.gc().isEmpty());
  }

  @Test
  void buildFilesWritesTheGenerationWithoutEverReachingAManager() throws IOException {
    Layout layout = Layout.system(tmp.resolve("root"));
    Activation build =
        Activation.withoutManager(
            new GenerationSwitcher(layout),
            SwitchMode.SYSTEM,
            SwitchOptions.defaults(),
            Checkpoint.NONE,
            progress::add);
    Activation.FilesWritten written =
        build.buildFiles(new UnitDirectorySource(units("web.service", "a")));
    assertEquals(1, written.applied().to());
    assertEquals(
        java.util.OptionalInt.of(1),
        new org.modsvc.switcher.generation.Generations(layout).current());
    assertTrue(
        Files.readString(tmp.resolve("root/etc/systemd/system/web.service"))
            .contains("Description=a"));
    assertTrue(
        Files.isSymbolicLink(
            tmp.resolve("root/etc/systemd/system/multi-user.target.wants/web.service")));
    SwitchException refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            SwitchException.class,
            () -> build.buildFiles(new UnitDirectorySource(tmp.resolve("no-such-directory"))));
    assertEquals(ExitCode.CONFIGURATION, refused.exitCode());
    assertTrue(refused.getMessage().endsWith("\nnothing was written"), refused.getMessage());
  }

  @Test
  void aSwitchThatChangesNoUnitFile_asksForNoDaemonReload() throws IOException {
    Layout layout = Layout.system(tmp.resolve("root"));
    Path first = units("web.service", "a");
    activation(layout, 10).switchTo(new UnitDirectorySource(first));
    // the same units from another directory: a new generation (its metadata differs), no unit file
    // changed
    Path copy = Files.createDirectories(tmp.resolve("copy"));
    Files.copy(first.resolve("web.service"), copy.resolve("web.service"));
    progress.clear();

    SwitchResult second = activation(layout, 10).switchTo(new UnitDirectorySource(copy));

    assertEquals(2, second.to());
    assertTrue(
        second.plan().daemonReloadReasons().isEmpty(),
        second.plan().daemonReloadReasons().toString());
    assertEquals(false, DoneManager.executed.get(1).daemonReload());
    assertEquals(false, DoneManager.unitFilesChanged.get(1));
    assertTrue(!progress.contains("daemon-reload done"), progress.toString());
  }

  @Test
  void aSwitchThatChangesAUnitFile_asksForADaemonReload() throws IOException {
    Layout layout = Layout.system(tmp.resolve("root"));
    activation(layout, 10).switchTo(new UnitDirectorySource(units("web.service", "a")));
    progress.clear();

    SwitchResult second =
        activation(layout, 10).switchTo(new UnitDirectorySource(units("web.service", "b")));

    assertEquals(List.of("changed: web.service"), second.plan().daemonReloadReasons());
    assertEquals(true, DoneManager.executed.get(1).daemonReload());
    assertEquals(true, DoneManager.unitFilesChanged.get(1));
    assertTrue(progress.contains("daemon-reload done"), progress.toString());
  }

  @Test
  void aCommentOnlyChange_isListedAsTheReloadReason_inTheDryRunAndTheSwitch_whichReloads()
      throws IOException {
    Layout layout = Layout.system(tmp.resolve("root"));
    Path first = units("web.service", "a");
    activation(layout, 10).switchTo(new UnitDirectorySource(first));
    Path commented = Files.createDirectories(tmp.resolve("commented"));
    Files.writeString(
        commented.resolve("web.service"),
        "# owned by the web team\n" + Files.readString(first.resolve("web.service")));
    String reason = "unit file rewritten, same settings (comments or layout): web.service";

    Activation.Preview preview = activation(layout, 10).preview(new UnitDirectorySource(commented));
    SwitchResult second = activation(layout, 10).switchTo(new UnitDirectorySource(commented));

    assertTrue(
        preview.result().render().contains("would reload the systemd system manager: " + reason),
        preview.result().render());
    assertEquals(List.of(reason), second.plan().daemonReloadReasons());
    assertTrue(
        second.render().contains("reloading the systemd system manager: " + reason),
        second.render());
    assertEquals(true, DoneManager.unitFilesChanged.get(1), "the file phase rewrote it");
    assertTrue(progress.contains("daemon-reload done"), progress.toString());
  }

  @Test
  void anAliasOnlyChange_isListedAsTheReloadReason_inTheDryRunAndTheSwitch_whichReloads()
      throws IOException {
    Layout layout = Layout.system(tmp.resolve("root"));
    Path first = units("web.service", "a");
    activation(layout, 10).switchTo(new UnitDirectorySource(first));
    Path aliased = Files.createDirectories(tmp.resolve("aliased"));
    Files.copy(first.resolve("web.service"), aliased.resolve("web.service"));
    Files.createSymbolicLink(aliased.resolve("www.service"), Path.of("web.service"));

    Activation.Preview preview = activation(layout, 10).preview(new UnitDirectorySource(aliased));
    SwitchResult second = activation(layout, 10).switchTo(new UnitDirectorySource(aliased));

    assertTrue(
        preview.result().render().contains("would reload the systemd system manager: "),
        preview.result().render());
    assertEquals(
        preview.result().plan().daemonReloadReasons(), second.plan().daemonReloadReasons());
    assertTrue(
        second.plan().daemonReloadReasons().stream().anyMatch(r -> r.contains("www.service")),
        second.plan().daemonReloadReasons().toString());
    assertEquals(true, DoneManager.unitFilesChanged.get(1));
    assertTrue(progress.contains("daemon-reload done"), progress.toString());
  }
}
