package org.modsvc.switcher.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modsvc.switcher.build.Built;
import org.modsvc.switcher.config.ConfigurationSource;
import org.modsvc.switcher.generation.Checkpoint;
import org.modsvc.switcher.generation.DesiredFile;
import org.modsvc.switcher.generation.DesiredState;
import org.modsvc.switcher.generation.GenerationSwitcher;
import org.modsvc.switcher.generation.Layout;
import org.modsvc.switcher.plan.LiveState;
import org.modsvc.switcher.plan.Phase;
import org.modsvc.switcher.plan.PhasePlan;
import org.modsvc.switcher.plan.SwitchMode;
import org.modsvc.switcher.plan.SwitchPlan;
import org.modsvc.switcher.store.StoreContent;
import org.modsvc.switcher.store.StorePath;
import org.modsvc.switcher.systemd.JobKind;
import org.modsvc.switcher.systemd.JobOutcome;
import org.modsvc.switcher.systemd.JobStatus;
import org.modsvc.switcher.systemd.PhaseExecutor;
import org.modsvc.switcher.systemd.PhaseReport;
import org.modsvc.switcher.systemd.SwitchReport;
import org.modsvc.switcher.systemd.UnitFailure;
import org.modsvc.switcher.unit.UnitName;

/**
 * A switch whose configuration is unchanged but whose owned files drifted (docs/decisions.md §12),
 * and --rollback-on-failure, against an in-memory manager: which files are written back, which
 * units the plan restarts or reloads for them, what is refused, and what the run reports.
 */
class DriftRepairTest {
  @TempDir Path tmp;

  private Layout layout;
  private GenerationSwitcher gs;
  private final List<PhasePlan> executed = new ArrayList<>();
  private final List<Boolean> unitFilesChanged = new ArrayList<>();
  private final Set<String> failing = new java.util.TreeSet<>();
  private final Set<String> running = new java.util.TreeSet<>(Set.of("web.service"));

  /** Runs every job; those of units in {@link #failing} fail in the phase that starts them. */
  private final class RecordingManager implements ServiceManager {
    @Override
    public Map<UnitName, LiveState> liveStates() {
      Map<UnitName, LiveState> live = new TreeMap<>();
      live.put(UnitName.of("multi-user.target"), LiveState.active());
      running.forEach(u -> live.put(UnitName.of(u), LiveState.active()));
      return live;
    }

    @Override
    public SwitchReport execute(
        PhasePlan plan, PhaseExecutor.FilesWriter files, PhaseExecutor.Listener listener)
        throws IOException {
      executed.add(plan);
      List<PhaseReport> phases = new ArrayList<>();
      List<UnitFailure> failures = new ArrayList<>();
      for (Phase phase : Phase.JOB_PHASES) {
        if (phase == Phase.RELOAD) {
          unitFilesChanged.add(files.write());
        }
        List<JobOutcome> outcomes = new ArrayList<>();
        for (UnitName name : plan.units(phase)) {
          String unit = name.value();
          boolean fails =
              failing.contains(unit) && (phase == Phase.START || phase == Phase.RESTART);
          JobOutcome o =
              new JobOutcome(
                  unit,
                  JobKind.valueOf(phase.name()),
                  fails ? JobStatus.FAILED : JobStatus.DONE,
                  fails ? "failed" : "done",
                  "");
          outcomes.add(o);
          if (fails) {
            failures.add(new UnitFailure(phase, o, List.of("web: exit status 1")));
          }
        }
        phases.add(new PhaseReport(phase, outcomes));
      }
      return new SwitchReport(phases, failures);
    }

    @Override
    public Map<String, Long> callCounts() {
      return Map.of();
    }

    @Override
    public void close() {}
  }

  @BeforeEach
  void setUp() {
    layout = Layout.system(tmp.resolve("root"));
    gs = new GenerationSwitcher(layout, Clock.systemUTC(), Checkpoint.NONE);
  }

  private Activation activation(SwitchOptions options) {
    return new Activation(
        gs, SwitchMode.SYSTEM, RecordingManager::new, options, Checkpoint.NONE, line -> {});
  }

  private Activation activation() {
    return activation(SwitchOptions.defaults());
  }

  private Path disk(String hostPath) {
    return layout.root().resolve(hostPath.substring(1));
  }

  private static final String UNIT = "/etc/systemd/system/web.service";
  private static final String WANTS = "/etc/systemd/system/multi-user.target.wants/web.service";
  private static final String CONF = "/etc/system-services/web/app.conf";

  /**
   * web.service with its config data link {@code app.conf} whose store path is named, as the
   * built-in modules name it, by a trigger file in the store: in {@code X-Reload-Triggers} when the
   * unit can reload, otherwise in {@code X-Restart-Triggers}.
   */
  private ConfigurationSource web(
      String argv, String config, boolean canReload, String extraUnitLines) {
    return (l, store) -> {
      StorePath conf = store.add("app.conf", StoreContent.text(config));
      String confPath = store.hostPath(conf).value();
      String key = canReload ? "X-Reload-Triggers" : "X-Restart-Triggers";
      StorePath trigger = store.add(key + "-web.service", StoreContent.text(confPath));
      String unit =
          "[Unit]\nDescription=web\n"
              + key
              + "="
              + store.hostPath(trigger).value()
              + "\n"
              + extraUnitLines
              + "[Service]\nExecStart="
              + argv
              + "\n"
              + (canReload ? "ExecReload=/bin/kill -HUP $MAINPID\n" : "")
              + "[Install]\nWantedBy=multi-user.target\n";
      List<DesiredFile> files =
          List.of(
              DesiredFile.Regular.text(UNIT, unit, 0644),
              DesiredFile.Symlink.of(WANTS, "../web.service"),
              DesiredFile.Symlink.of(CONF, confPath));
      return new Built(DesiredState.of(files, Set.of(conf, trigger), Map.of()), List.of());
    };
  }

  private ConfigurationSource web() {
    return web("/bin/web", "port=80", true, "");
  }

  private static List<String> units(List<org.modsvc.switcher.plan.PlannedAction> actions) {
    return SwitchPlan.units(actions).stream().map(UnitName::value).toList();
  }

  private List<String> lastRun(Phase phase) {
    return executed.get(executed.size() - 1).units(phase).stream().map(UnitName::value).toList();
  }

  /** Every path under the root with its kind and content, to show a run changed nothing. */
  private Map<String, String> snapshot() throws IOException {
    Map<String, String> all = new TreeMap<>();
    try (Stream<Path> s = Files.walk(layout.root())) {
      for (Path p : s.toList()) {
        String what =
            Files.isSymbolicLink(p)
                ? "-> " + Files.readSymbolicLink(p)
                : Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                    ? Files.readString(p, StandardCharsets.ISO_8859_1)
                    : "dir";
        all.put(layout.root().relativize(p).toString(), what);
      }
    }
    return all;
  }

  // ---- a deleted config data link ----

  @Test
  void deletedConfigLink_plainSwitchRestoresIt_andReloadsTheUnitWhoseReloadTriggersNameIt()
      throws IOException {
    activation().switchTo(web());
    String target = Files.readSymbolicLink(disk(CONF)).toString();
    Files.delete(disk(CONF));

    SwitchResult r = activation().switchTo(web());

    assertEquals(target, Files.readSymbolicLink(disk(CONF)).toString());
    assertEquals(1, r.from());
    assertEquals(1, r.to());
    assertEquals(
        List.of(new Drifted(CONF, Drifted.Kind.MISSING, Optional.of("web.service"))), r.repaired());
    assertEquals(List.of("web.service"), units(r.plan().reload()), r.render());
    assertTrue(r.plan().restart().isEmpty() && r.plan().stop().isEmpty(), r.render());
    assertTrue(
        r.render()
            .startsWith("repairing 1 file of generation 1: " + CONF + " (missing, web.service)\n"),
        r.render());
    assertEquals(ExitCode.OK, r.exitCode());
    assertEquals(List.of("web.service"), lastRun(Phase.RELOAD));
    assertEquals(List.of(1), gs.generations().list(), "a repair makes no new generation");
    assertFalse(
        executed.get(executed.size() - 1).daemonReload(),
        "a config link is no unit: no daemon-reload");
    assertEquals(false, unitFilesChanged.get(unitFilesChanged.size() - 1));
  }

  @Test
  void deletedConfigLink_planText_saysNoManagerReload_asTheExecutorMakesNone() throws IOException {
    activation().switchTo(web());
    Files.delete(disk(CONF));

    String dryRun = activation().preview(web()).result().render();
    SwitchResult r = activation().switchTo(web());

    assertFalse(dryRun.contains("systemd system manager"), dryRun);
    assertTrue(dryRun.contains("would reload the following units: web.service"), dryRun);
    assertFalse(r.plan().needsDaemonReload(), r.render());
    assertFalse(r.render().contains("systemd system manager"), r.render());
    assertFalse(executed.get(executed.size() - 1).daemonReload());
    assertEquals(false, unitFilesChanged.get(unitFilesChanged.size() - 1));
  }

  @Test
  void deletedUnitFile_planText_namesTheRestoredUnit_asTheManagerReloadsForIt() throws IOException {
    activation().switchTo(web());
    Files.delete(disk(UNIT));

    SwitchResult r = activation().switchTo(web());

    assertTrue(
        r.render().contains("reloading the systemd system manager: added: web.service"),
        r.render());
    assertEquals(true, unitFilesChanged.get(unitFilesChanged.size() - 1));
  }

  @Test
  void deletedConfigLink_ofAUnitWithoutExecReload_restartsIt() throws IOException {
    activation().switchTo(web("/bin/web", "port=80", false, ""));
    Files.delete(disk(CONF));

    SwitchResult r = activation().switchTo(web("/bin/web", "port=80", false, ""));

    assertTrue(Files.isSymbolicLink(disk(CONF)));
    assertEquals(List.of("web.service"), units(r.plan().stop()), r.render());
    assertEquals(List.of("web.service"), units(r.plan().start()), r.render());
    assertTrue(r.plan().reload().isEmpty(), r.render());
  }

  @Test
  void deletedConfigLink_diffAndDryRunTellTheRepair_andChangeNothing() throws IOException {
    activation().switchTo(web());
    Files.delete(disk(CONF));
    Map<String, String> before = snapshot();

    Activation.Preview p = activation().preview(web());

    assertEquals(before, snapshot());
    assertTrue(
        p.result()
            .render()
            .startsWith(
                "would repair 1 file of generation 1: " + CONF + " (missing, web.service)\n"),
        p.result().render());
    assertEquals(List.of("web.service"), units(p.result().plan().reload()));
    assertFalse(
        p.oldState().files().containsKey(org.modsvc.switcher.fs.HostPath.of(CONF)),
        "the diff's old side is the live tree: the link is missing there");
    assertTrue(p.newState().files().containsKey(org.modsvc.switcher.fs.HostPath.of(CONF)));
  }

  @Test
  void noDrift_isStillNothingToDo() throws IOException {
    activation().switchTo(web());
    int runs = executed.size();
    SwitchResult r = activation().switchTo(web());
    assertTrue(r.repaired().isEmpty());
    assertTrue(r.render().startsWith("nothing to do: generation 1 is already current"), r.render());
    assertEquals(runs, executed.size(), "no job, no daemon-reload");
  }

  // ---- a deleted or edited unit file ----

  @Test
  void deletedUnitFile_isRestored_andTheRunningUnitRestartedPerItsRules() throws IOException {
    activation().switchTo(web());
    byte[] ours = Files.readAllBytes(disk(UNIT));
    Files.delete(disk(UNIT));

    SwitchResult r = activation().switchTo(web());

    assertEquals(new String(ours, StandardCharsets.UTF_8), Files.readString(disk(UNIT)));
    assertEquals(
        List.of(new Drifted(UNIT, Drifted.Kind.MISSING, Optional.of("web.service"))), r.repaired());
    assertEquals(List.of("web.service"), units(r.plan().stop()), r.render());
    assertEquals(List.of("web.service"), units(r.plan().start()), r.render());
    assertTrue(r.plan().needsDaemonReload(), r.render());
    assertEquals(
        true,
        unitFilesChanged.get(unitFilesChanged.size() - 1),
        "the unit directory changed: reload");
  }

  @Test
  void deletedUnitFile_ofAUnitThatSaysXRestartIfChangedFalse_isRestoredButNotRestarted()
      throws IOException {
    ConfigurationSource keep = web();
    activation().switchTo(webWithService(keep, "X-RestartIfChanged=false\n"));
    Files.delete(disk(UNIT));

    SwitchResult r = activation().switchTo(webWithService(keep, "X-RestartIfChanged=false\n"));

    assertTrue(Files.isRegularFile(disk(UNIT)));
    assertTrue(r.plan().hasNoJobs(), r.render());
    assertEquals(List.of("web.service"), units(r.plan().skip()), r.render());
  }

  /** {@code source} with {@code lines} added to the unit's {@code [Service]} section. */
  private static ConfigurationSource webWithService(ConfigurationSource source, String lines) {
    return (l, store) -> {
      Built b = source.build(l, store);
      Map<org.modsvc.switcher.fs.HostPath, DesiredFile> files = new TreeMap<>(b.state().files());
      DesiredFile.Regular unit =
          (DesiredFile.Regular) files.get(org.modsvc.switcher.fs.HostPath.of(UNIT));
      String text =
          new String(unit.bytes(), StandardCharsets.UTF_8)
              .replace("[Service]\n", "[Service]\n" + lines);
      files.put(unit.path(), DesiredFile.Regular.text(UNIT, text, 0644));
      return new Built(
          new DesiredState(files, b.state().storeRoots(), b.state().metadata()), b.warnings());
    };
  }

  @Test
  void editedUnitFile_needsForce_asToday_andForceRestoresAndRestartsIt() throws IOException {
    activation().switchTo(web());
    String ours = Files.readString(disk(UNIT));
    Files.writeString(disk(UNIT), ours.replace("ExecStart=/bin/web", "ExecStart=/bin/other"));

    SwitchException refused =
        assertThrows(SwitchException.class, () -> activation().switchTo(web()));
    assertEquals(ExitCode.FATAL, refused.exitCode());
    assertTrue(
        refused.getMessage().contains(UNIT + ": changed by hand since modsvc wrote it"),
        refused.getMessage());
    assertTrue(
        Files.readString(disk(UNIT)).contains("/bin/other"), "a refused switch changes nothing");

    SwitchResult r = activation(SwitchOptions.defaults().withForce(true)).switchTo(web());

    assertEquals(ours, Files.readString(disk(UNIT)));
    assertEquals(
        List.of(new Drifted(UNIT, Drifted.Kind.ALTERED, Optional.of("web.service"))), r.repaired());
    assertEquals(List.of("web.service"), units(r.plan().start()), r.render());
    assertTrue(r.plan().start().get(0).reason().contains("argv changed"), r.render());
    assertTrue(r.notes().contains("overwrote hand-edited " + UNIT), r.notes().toString());
  }

  @Test
  void editedUnitFile_isRestoredWithoutForce_underRepairAll() throws IOException {
    activation().switchTo(web());
    String ours = Files.readString(disk(UNIT));
    Files.writeString(disk(UNIT), ours.replace("Description=web", "Description=mine"));

    SwitchResult r =
        activation(SwitchOptions.defaults().withDrift(DriftPolicy.REPAIR_ALL)).switchTo(web());

    assertEquals(ours, Files.readString(disk(UNIT)));
    assertEquals(Drifted.Kind.ALTERED, r.repaired().get(0).kind());
    assertTrue(
        r.plan().hasNoJobs(),
        "a Description edit restarts nothing, as a switch changing it would: " + r.render());
    assertTrue(r.notes().contains("restored hand-edited " + UNIT), r.notes().toString());
  }

  @Test
  void replacedUnitFile_isSomeonesOwnFile_evenUnderRepairAll() throws IOException {
    activation().switchTo(web());
    Path mine = Files.writeString(tmp.resolve("mine.service"), "[Service]\nExecStart=/bin/mine\n");
    Files.delete(disk(UNIT));
    Files.createSymbolicLink(disk(UNIT), mine);

    SwitchException refused =
        assertThrows(
            SwitchException.class,
            () ->
                activation(SwitchOptions.defaults().withDrift(DriftPolicy.REPAIR_ALL))
                    .switchTo(web()));
    assertEquals(ExitCode.FATAL, refused.exitCode());
    assertTrue(Files.isSymbolicLink(disk(UNIT)));

    SwitchResult r = activation(SwitchOptions.defaults().withForce(true)).switchTo(web());
    assertTrue(Files.isRegularFile(disk(UNIT), LinkOption.NOFOLLOW_LINKS));
    assertEquals(Drifted.Kind.REPLACED, r.repaired().get(0).kind());
    assertEquals(
        "[Service]\nExecStart=/bin/mine\n",
        Files.readString(mine),
        "the file the link named is untouched");
  }

  @Test
  void reportPolicy_writesNothing_andSaysWhatDiffers() throws IOException {
    activation().switchTo(web());
    Files.delete(disk(CONF));
    Map<String, String> before = snapshot();
    int runs = executed.size();

    SwitchResult r =
        activation(SwitchOptions.defaults().withDrift(DriftPolicy.REPORT)).switchTo(web());

    assertEquals(before, snapshot());
    assertEquals(runs, executed.size());
    assertTrue(r.repaired().isEmpty());
    assertTrue(
        r.warnings()
            .contains(
                CONF
                    + " (missing, web.service) differs from generation 1; not restored "
                    + "(drift policy: report)"),
        r.warnings().toString());
  }

  @Test
  void aFileWeDoNotOwn_isNeverDriftNorTouched() throws IOException {
    activation().switchTo(web());
    Path foreign =
        Files.writeString(
            disk("/etc/systemd/system/other.service"), "[Service]\nExecStart=/bin/x\n");
    Files.delete(disk(WANTS));

    SwitchResult r = activation().switchTo(web());

    assertEquals(List.of(WANTS), r.repaired().stream().map(Drifted::hostPath).toList());
    assertEquals("[Service]\nExecStart=/bin/x\n", Files.readString(foreign));
    assertTrue(activation().checkDrift().isEmpty());
  }

  @Test
  void finishingAnInterruptedRepair_saysWhyTheManagerIsReloaded() throws IOException {
    activation().switchTo(web());
    Files.delete(disk(CONF));
    Checkpoint killAtStop =
        step -> {
          if (step.equals("stop done")) {
            throw new IllegalStateException("killed at " + step);
          }
        };
    Activation dying =
        new Activation(
            new GenerationSwitcher(layout, Clock.systemUTC(), killAtStop),
            SwitchMode.SYSTEM,
            RecordingManager::new,
            SwitchOptions.defaults(),
            killAtStop,
            line -> {});
    assertThrows(IllegalStateException.class, () -> dying.switchTo(web()));
    int runsBefore = executed.size();

    SwitchResult next = activation().switchTo(web());

    assertTrue(
        next.render()
            .startsWith(
                "finishing the interrupted switch to generation 1\n"
                    + "reloading the systemd system manager: an interrupted switch's files may not"
                    + " be the ones systemd has loaded\n"),
        next.render());
    assertTrue(executed.get(runsBefore).daemonReload(), "and the executor reloads");
  }

  @Test
  void aRepairKilledAfterItsRecordIsWritten_isFinishedByTheNextRun() throws IOException {
    activation().switchTo(web());
    Files.delete(disk(CONF));
    Checkpoint killAtStop =
        step -> {
          if (step.equals("stop done")) {
            throw new IllegalStateException("killed at " + step);
          }
        };
    GenerationSwitcher killed = new GenerationSwitcher(layout, Clock.systemUTC(), killAtStop);
    Activation dying =
        new Activation(
            killed,
            SwitchMode.SYSTEM,
            RecordingManager::new,
            SwitchOptions.defaults(),
            killAtStop,
            line -> {});
    assertThrows(IllegalStateException.class, () -> dying.switchTo(web()));
    assertFalse(Files.exists(disk(CONF), LinkOption.NOFOLLOW_LINKS));
    assertTrue(gs.pending().load().isPresent());

    SwitchResult next = activation().switchTo(web());

    assertTrue(Files.isSymbolicLink(disk(CONF)));
    assertTrue(gs.pending().load().isEmpty());
    assertEquals(
        List.of("web.service"),
        lastRun(Phase.RELOAD),
        "the journaled reload is run: " + next.render());
    assertTrue(activation().checkDrift().isEmpty());
  }

  // ---- checkDrift ----

  @Test
  void checkDrift_namesEachKindAndItsUnit_andReadsOnly() throws IOException {
    activation().switchTo(web());
    Files.delete(disk(CONF));
    Files.writeString(disk(UNIT), "[Service]\nExecStart=/bin/edited\n");
    Files.delete(disk(WANTS));
    Files.createDirectory(disk(WANTS));
    Map<String, String> before = snapshot();

    DriftReport report = activation().checkDrift();

    assertEquals(before, snapshot());
    assertEquals(1, report.generation());
    assertFalse(report.switchPending());
    assertEquals(
        List.of(
            new Drifted(CONF, Drifted.Kind.MISSING, Optional.of("web.service")),
            new Drifted(WANTS, Drifted.Kind.REPLACED, Optional.of("web.service")),
            new Drifted(UNIT, Drifted.Kind.ALTERED, Optional.of("web.service"))),
        report.drifted());
  }

  @Test
  void checkDrift_beforeTheFirstSwitch_isEmpty() {
    DriftReport report = activation().checkDrift();
    assertEquals(0, report.generation());
    assertTrue(report.isEmpty());
  }

  @Test
  void repairDrift_writesBackWithoutEvaluating() throws IOException {
    activation().switchTo(web());
    Files.delete(disk(CONF));
    SwitchResult r = activation().repairDrift();
    assertTrue(Files.isSymbolicLink(disk(CONF)));
    assertEquals(1, r.repaired().size());
    assertEquals(1, r.current());
  }

  // ---- --rollback-on-failure ----

  private final SwitchOptions rollback = SwitchOptions.defaults().withRollbackOnFailure(true);

  @Test
  void failedUnits_rollBackToThePreviousGenerationsFiles_andMarkTheConfiguration()
      throws IOException {
    activation(rollback).switchTo(web("/bin/web", "port=80", true, ""));
    String good = Files.readString(disk(UNIT));
    failing.add("web.service");

    SwitchResult r = activation(rollback).switchTo(web("/bin/crash", "port=80", true, ""));

    assertEquals(ExitCode.UNIT_FAILED, r.exitCode());
    assertEquals(2, r.to());
    SwitchResult.RolledBack back = r.rolledBack().orElseThrow();
    assertEquals(2, back.failedGeneration());
    assertEquals(1, back.restoredGeneration());
    assertEquals(
        List.of("web.service"), back.failures().stream().map(f -> f.outcome().unit()).toList());
    assertEquals(3, r.current());
    assertEquals(3, gs.generations().current().orElseThrow());
    assertEquals("1", gs.generations().read(3).metadata().get("rollbackOf"));
    assertEquals(good, Files.readString(disk(UNIT)));
    assertTrue(
        r.render()
            .contains(
                "rolling back (--rollback-on-failure): generation 2 failed (web.service); back "
                    + "to generation 1's files as generation 3"),
        r.render());
    @SuppressWarnings("unchecked")
    Map<String, Object> data = (Map<String, Object>) r.toData().get("rolledBack");
    assertEquals(2, data.get("failedGeneration"));
    assertEquals(3, r.toData().get("current"));
    assertTrue(gs.failedInputs().load().isPresent());
  }

  @Test
  void theSameFailedConfiguration_isNotRetried_untilItChangesOrForce() throws IOException {
    activation(rollback).switchTo(web("/bin/web", "port=80", true, ""));
    failing.add("web.service");
    activation(rollback).switchTo(web("/bin/crash", "port=80", true, ""));
    int runs = executed.size();
    Map<String, String> before = snapshot();

    SwitchException refused =
        assertThrows(
            SwitchException.class,
            () -> activation(rollback).switchTo(web("/bin/crash", "port=80", true, "")));

    assertEquals(ExitCode.UNIT_FAILED, refused.exitCode());
    assertTrue(
        refused
            .getMessage()
            .startsWith(
                "this configuration failed as generation 2 (web.service failed) "
                    + "and was rolled back to generation 1's files"),
        refused.getMessage());
    assertEquals(runs, executed.size(), "no job");
    assertEquals(before, snapshot());
    assertTrue(
        activation(rollback)
            .preview(web("/bin/crash", "port=80", true, ""))
            .result()
            .warnings()
            .stream()
            .anyMatch(w -> w.startsWith("this configuration failed as generation 2")));

    SwitchResult forced =
        activation(rollback.withForce(true)).switchTo(web("/bin/crash", "port=80", true, ""));
    assertEquals(4, forced.to(), "--force retries it");
    assertTrue(forced.rolledBack().isPresent());

    failing.clear();
    SwitchResult changed = activation(rollback).switchTo(web("/bin/fixed", "port=80", true, ""));
    assertEquals(ExitCode.OK, changed.exitCode());
    assertTrue(gs.failedInputs().load().isEmpty(), "a different configuration clears the mark");
  }

  @Test
  void withoutTheOption_failedUnitsStay_exit4() throws IOException {
    activation().switchTo(web("/bin/web", "port=80", true, ""));
    failing.add("web.service");
    SwitchResult r = activation().switchTo(web("/bin/crash", "port=80", true, ""));
    assertEquals(ExitCode.UNIT_FAILED, r.exitCode());
    assertTrue(r.rolledBack().isEmpty());
    assertEquals(2, gs.generations().current().orElseThrow());
    assertTrue(gs.failedInputs().load().isEmpty());
  }

  @Test
  void theFirstGeneration_hasNothingToRollBackTo() throws IOException {
    running.clear();
    failing.add("web.service");
    SwitchResult r = activation(rollback).switchTo(web());
    assertEquals(ExitCode.UNIT_FAILED, r.exitCode());
    assertTrue(r.rolledBack().isEmpty());
    assertEquals(1, r.current());
  }

  @Test
  void aRepairThatFails_isNotRolledBack() throws IOException {
    activation(rollback).switchTo(web());
    Files.delete(disk(UNIT));
    failing.add("web.service");
    SwitchResult r = activation(rollback).switchTo(web());
    assertEquals(ExitCode.UNIT_FAILED, r.exitCode());
    assertTrue(
        r.rolledBack().isEmpty(),
        "the configuration did not change: there is nothing to go back to");
    assertEquals(1, r.current());
  }

  @Test
  void failedUnitsOfTheFirstSwitchOnARolledBackHost_doNotLoop() throws IOException {
    activation(rollback).switchTo(web("/bin/web", "port=80", true, ""));
    failing.add("web.service");
    SwitchResult r = activation(rollback).switchTo(web("/bin/crash", "port=80", true, ""));
    // the switch back restarts web.service too, and it fails again: reported, not rolled back once
    // more
    SwitchResult back = r.rolledBack().orElseThrow().switchBack();
    assertTrue(back.rolledBack().isEmpty());
    assertFalse(back.failures().isEmpty());
    assertEquals(3, gs.generations().list().size());
  }
}
