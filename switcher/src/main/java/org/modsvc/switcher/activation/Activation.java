package org.modsvc.switcher.activation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.modsvc.nix.error.EvalException;
import org.modsvc.switcher.build.BuildException;
import org.modsvc.switcher.build.Built;
import org.modsvc.switcher.config.ConfigurationSource;
import org.modsvc.switcher.fs.HostPath;
import org.modsvc.switcher.fs.IoErrors;
import org.modsvc.switcher.generation.ApplyReport;
import org.modsvc.switcher.generation.Checkpoint;
import org.modsvc.switcher.generation.DesiredFile;
import org.modsvc.switcher.generation.DesiredState;
import org.modsvc.switcher.generation.FailedInputs;
import org.modsvc.switcher.generation.GcReport;
import org.modsvc.switcher.generation.GenerationDiff;
import org.modsvc.switcher.generation.GenerationException;
import org.modsvc.switcher.generation.GenerationSwitcher;
import org.modsvc.switcher.generation.Manifest;
import org.modsvc.switcher.generation.OwnedDrift;
import org.modsvc.switcher.generation.OwnershipException;
import org.modsvc.switcher.generation.PendingSwitch;
import org.modsvc.switcher.generation.SwitchLock;
import org.modsvc.switcher.plan.ExtraWork;
import org.modsvc.switcher.plan.LiveState;
import org.modsvc.switcher.plan.Phase;
import org.modsvc.switcher.plan.PhasePlan;
import org.modsvc.switcher.plan.PlanException;
import org.modsvc.switcher.plan.PlanInput;
import org.modsvc.switcher.plan.Planner;
import org.modsvc.switcher.plan.SwitchMode;
import org.modsvc.switcher.plan.SwitchPlan;
import org.modsvc.switcher.systemd.JobOutcome;
import org.modsvc.switcher.systemd.PhaseExecutor;
import org.modsvc.switcher.systemd.SwitchReport;
import org.modsvc.switcher.systemd.SystemdException;
import org.modsvc.switcher.systemd.UnitFailure;
import org.modsvc.switcher.unit.UnitCatalog;
import org.modsvc.switcher.unit.UnitName;

/**
 * Drives a whole switch (see the package note for the order). Every failure that stops a run
 * becomes a {@link SwitchException} carrying its exit status; job failures do not stop it and end
 * up in {@link SwitchResult#failures()} (exit 4).
 */
public final class Activation {
  private final GenerationSwitcher generations;
  private final SwitchMode mode;
  private final Supplier<ServiceManager> connect;
  private final SwitchOptions options;
  private final Checkpoint checkpoint;
  private final Consumer<String> progress;

  /**
   * @param connect opens the manager; called once per run, after the lock is held
   * @param checkpoint the same one {@code generations} was built with, so test hooks see every step
   * @param progress receives remarks made while the run goes on (waiting for the lock)
   */
  public Activation(
      GenerationSwitcher generations,
      SwitchMode mode,
      Supplier<ServiceManager> connect,
      SwitchOptions options,
      Checkpoint checkpoint,
      Consumer<String> progress) {
    this.generations = generations;
    this.mode = mode;
    this.connect = connect;
    this.options = options;
    this.checkpoint = checkpoint;
    this.progress = progress;
  }

  /**
   * An activation that never talks to a service manager: for {@link #buildFiles} (the {@code build}
   * command); {@link #switchTo}, {@link #preview} and {@link #rollback} on it fail when they need
   * the manager.
   */
  public static Activation withoutManager(
      GenerationSwitcher generations,
      SwitchMode mode,
      SwitchOptions options,
      Checkpoint checkpoint,
      Consumer<String> progress) {
    return new Activation(
        generations,
        mode,
        () -> {
          throw new IllegalStateException(
              "this activation has no service manager (build writes files only)");
        },
        options,
        checkpoint,
        progress);
  }

  /**
   * Builds {@code source} and makes it the running configuration. Owned files that drifted are
   * written back per {@link SwitchOptions#drift()}, also when the configuration is unchanged; with
   * {@link SwitchOptions#rollbackOnFailure()}, failed units send the run back to the previous
   * generation (docs/decisions.md §12).
   */
  public SwitchResult switchTo(ConfigurationSource source) {
    return classified(
        () -> {
          try (SwitchLock lock = LockWaiter.acquire(generations, options.lockWait(), progress);
              ServiceManager manager = new LazyManager(connect)) {
            return switchLocked(lock, manager, source, true);
          }
        });
  }

  /**
   * Writes back the current generation's drifted files per {@link SwitchOptions#drift()} and
   * restarts or reloads their units, without evaluating anything: a switch to the current
   * generation's own files. Nothing to do when nothing drifted.
   */
  public SwitchResult repairDrift() {
    return switchTo(
        (layout, store) -> {
          int current =
              generations
                  .generations()
                  .current()
                  .orElseThrow(
                      () ->
                          new SwitchException(
                              ExitCode.FATAL, "no generation is current: nothing to repair", null));
          return new Built(generations.generations().desiredStateOf(current), List.of());
        });
  }

  /**
   * The owned paths of the current generation whose live state differs from what it wrote, with the
   * unit each belongs to. Reads only and takes no lock (one {@code lstat} and one hash per owned
   * file; the generation's stored files are read only when a config data link drifted), so a daemon
   * can call it often.
   */
  public DriftReport checkDrift() {
    return classified(
        () -> {
          Manifest current = generations.generations().currentManifest();
          boolean pending = generations.pending().load().isPresent();
          if (current.generation() == 0) {
            return new DriftReport(0, pending, List.of());
          }
          List<OwnedDrift> drift = generations.drift(current);
          if (drift.isEmpty()) {
            return new DriftReport(current.generation(), pending, List.of());
          }
          // naming the units needs the generation's unit texts only for a config data link (its
          // triggers)
          boolean configData =
              drift.stream().anyMatch(d -> d.path().isBelow(generations.layout().configDataDir()));
          DriftView view =
              DriftView.of(generations, configData ? stateOf(current) : outlineOf(current), drift);
          return new DriftReport(current.generation(), pending, view.drifted());
        });
  }

  /**
   * {@code manifest}'s paths with their kinds and no content: enough to name the unit of a
   * unit-directory path.
   */
  private static DesiredState outlineOf(Manifest manifest) {
    Map<HostPath, DesiredFile> files = new java.util.TreeMap<>();
    manifest
        .entries()
        .forEach(
            (path, e) ->
                files.put(
                    path,
                    e instanceof org.modsvc.switcher.generation.ManifestEntry.Link l
                        ? new DesiredFile.Symlink(path, l.target())
                        : new DesiredFile.Regular(
                            path,
                            new byte[0],
                            ((org.modsvc.switcher.generation.ManifestEntry.File) e).mode())));
    return new DesiredState(files, java.util.Set.of(), Map.of());
  }

  /**
   * One switch under the lock. {@code mayRollBack} is false for the switch back itself, so a
   * previous generation that fails too is reported, not rolled back in a loop.
   */
  private SwitchResult switchLocked(
      SwitchLock lock, ServiceManager manager, ConfigurationSource source, boolean mayRollBack)
      throws IOException {
    // An interrupted switch whose files were not all written may never be appliable (a disk kept
    // full, a
    // name too long): this configuration supersedes it unless it is the same one, so a fix always
    // converges.
    Optional<PendingSwitch> unfinished = generations.unfinishedFiles();
    Optional<SwitchResult.Resumed> resumed =
        unfinished.isPresent() ? Optional.empty() : finishInterrupted(lock, manager);
    Built built = build(source);
    String fingerprint = built.state().fingerprint();
    Optional<FailedInputs.Record> failedBefore =
        mayRollBack ? generations.failedInputs().load() : Optional.empty();
    if (failedBefore.isPresent()
        && failedBefore.get().fingerprint().equals(fingerprint)
        && !options.force()) {
      throw new SwitchException(ExitCode.UNIT_FAILED, notRetried(failedBefore.get()), null);
    }
    Manifest before = generations.generations().currentManifest();
    DesiredState oldState = stateOf(before);
    List<OwnedDrift> drift = before.generation() == 0 ? List.of() : generations.drift(before);
    Manifest next = prepareGeneration(lock, built.state());
    checkpoint.reached("generation " + next.generation() + " prepared");
    List<String> warnings = new ArrayList<>(built.warnings());
    warnings.addAll(generations.store().takeRepairWarnings());
    if (unfinished.isPresent() && unfinished.get().generation() == next.generation()) {
      resumed = finishInterrupted(lock, manager);
      UnitCatalog units = catalog(built.state());
      SwitchPlan none = plan(units, units, manager.liveStates(), ExtraWork.none(), List.of());
      return new SwitchResult(
          resumed,
          next.generation(),
          next.generation(),
          false,
          GenerationDiff.between(next, next),
          none,
          Optional.empty(),
          warnings,
          List.of(),
          Optional.empty(),
          manager.callCounts(),
          built.filesRead());
    }
    boolean unchanged = next.generation() == before.generation();
    if (unchanged && options.drift() == DriftPolicy.REPORT) {
      DriftView.of(generations, oldState, drift)
          .drifted()
          .forEach(
              d ->
                  warnings.add(
                      d.describe()
                          + " differs from generation "
                          + before.generation()
                          + "; not restored (drift policy: report)"));
      drift = List.of();
    }
    DriftView view = DriftView.of(generations, oldState, drift);
    GenerationDiff files = GenerationDiff.between(before, next);
    Map<UnitName, LiveState> live = manager.liveStates();
    List<UnitName> owedStops =
        unfinished.map(p -> activeOnly(p.unfinishedWork().stop(), live)).orElse(List.of());
    UnitCatalog oldUnits = catalog(view.planning()); // first: it is the last switch's new units
    UnitCatalog newUnits = catalog(built.state());
    SwitchPlan plan =
        plan(
            oldUnits,
            newUnits,
            live,
            unfinished
                .map(p -> ExtraWork.resumed(p.unfinishedWork()).keepingOnly(newUnits.unitNames()))
                .orElse(ExtraWork.none()),
            owedStops);
    unfinished.ifPresent(
        p ->
            warnings.add(
                "the interrupted switch to generation "
                    + p.generation()
                    + " had not written all its files; generation "
                    + next.generation()
                    + " replaces it"));
    warnings.addAll(plan.warnings());
    List<Drifted> repaired = restored(view, before, next);
    plan =
        UnitDirectoryChanges.withRealReasons(
            plan,
            view,
            () -> catalog(view.live()),
            newUnits,
            generations.layout().unitDir(),
            files,
            before,
            next,
            repaired);
    if (unchanged && repaired.isEmpty()) {
      // the configuration is the current one and its files are intact: no file to write, no job, no
      // daemon-reload
      return new SwitchResult(
          resumed,
          before.generation(),
          next.generation(),
          false,
          files,
          plan,
          Optional.empty(),
          warnings,
          List.of(),
          Optional.empty(),
          manager.callCounts(),
          built.filesRead());
    }
    if (!unchanged && failedBefore.isPresent()) {
      generations
          .failedInputs()
          .clear(); // something changed (or --force retries it): the mark has done its job
    }
    if (unfinished.isPresent()) {
      // files of the replaced switch may be on disk, some of them maybe loaded by systemd since
      List<String> reasons = new ArrayList<>(plan.daemonReloadReasons());
      reasons.add(INTERRUPTED_FILES);
      plan = plan.withDaemonReloadReasons(reasons);
    }
    PhasePlan phases = PhasePlan.of(plan, owedStops, live);
    if (!view.drifted().isEmpty()) {
      // the planning side's trigger markers are no file: systemd must re-read its units only when
      // the unit files
      // on disk change (a restored unit file also makes the executor reload, through the file
      // phase's answer)
      phases =
          new PhasePlan(
              phases.stop(),
              phases.reload(),
              phases.restart(),
              phases.start(),
              phases.resetFailed(),
              !catalog(view.live()).equals(newUnits));
    }
    if (unfinished.isPresent()) {
      phases = phases.withDaemonReload(); // the drift branch above decides without the plan
    }
    generations.beginSwitch(next, before.generation(), phases.journaled());
    checkpoint.reached("pending recorded");
    ApplyReport[] applied = new ApplyReport[1];
    SwitchReport report =
        manager.execute(
            phases,
            () -> {
              stopDone();
              applied[0] =
                  generations.applyFiles(
                      lock, next.generation(), options.force(), options.drift().repair());
              return changesUnitDirectory(applied[0]);
            },
            new JournalingListener());
    generations.pending().clear();
    checkpoint.reached("pending cleared");
    Optional<GcReport> gc = collectGarbage(lock, warnings);
    SwitchResult result =
        new SwitchResult(
                resumed,
                before.generation(),
                next.generation(),
                false,
                files,
                plan,
                Optional.of(report),
                warnings,
                applied[0] == null ? List.of() : applied[0].notes(),
                gc,
                manager.callCounts(),
                built.filesRead())
            .withRepaired(repaired);
    if (mayRollBack
        && options.rollbackOnFailure()
        && !unchanged
        && before.generation() > 0
        && !report.failures().isEmpty()) {
      return rolledBack(lock, manager, result, before.generation(), fingerprint, report.failures());
    }
    return result;
  }

  /**
   * The units of {@code failed.to()} failed: mark its configuration (before anything else, so a
   * crash during the switch back still keeps it from being retried), then switch to generation
   * {@code previous}'s files as any rollback does.
   */
  private SwitchResult rolledBack(
      SwitchLock lock,
      ServiceManager manager,
      SwitchResult failed,
      int previous,
      String fingerprint,
      List<UnitFailure> failures)
      throws IOException {
    List<String> units = failures.stream().map(f -> f.outcome().unit()).distinct().toList();
    generations.failedInputs().mark(fingerprint, failed.to(), previous, units);
    progress.accept(
        "generation "
            + failed.to()
            + " failed ("
            + String.join(", ", units)
            + "): rolling back to generation "
            + previous
            + " (--rollback-on-failure)");
    checkpoint.reached("failed inputs marked");
    SwitchResult back =
        switchLocked(
            lock,
            manager,
            (layout, store) -> new Built(generations.rollbackState(previous), List.of()),
            false);
    return failed.withRolledBack(
        new SwitchResult.RolledBack(failed.to(), previous, failures, back));
  }

  private static String notRetried(FailedInputs.Record failed) {
    return "this configuration failed as generation "
        + failed.failedGeneration()
        + " ("
        + String.join(", ", failed.units())
        + " failed) and was rolled back to generation "
        + failed.restoredGeneration()
        + "'s files at "
        + failed.at()
        + "; it is not retried until it changes (--force retries it)";
  }

  /**
   * The drifted files this switch writes back: those whose path the new generation keeps with the
   * content the current one gave it (a file the new configuration changes or drops is its change,
   * not a repair). Everything drifted that the policy does not cover was refused by {@link
   * #prepareGeneration}, so it is all written.
   */
  private static List<Drifted> restored(DriftView view, Manifest before, Manifest next) {
    return view.drifted().stream()
        .filter(
            d -> {
              HostPath path = HostPath.of(d.hostPath());
              var ours = before.entries().get(path);
              var theirs = next.entries().get(path);
              return ours != null && theirs != null && ours.sameContent(theirs);
            })
        .toList();
  }

  /**
   * Garbage collection after a completed switch: the switch's work is done and reported whatever
   * happens here, so a problem (an unreadable old manifest, a store entry that cannot be deleted)
   * is a warning, not a failure of the switch (issue 17, defect 5).
   */
  private Optional<GcReport> collectGarbage(SwitchLock lock, List<String> warnings) {
    try {
      return Optional.of(generations.collectGarbage(lock, options.keepGenerations()));
    } catch (IOException | RuntimeException e) {
      warnings.add(
          "garbage collection failed, the switch itself is complete: "
              + e.getMessage()
              + " (fix it and run 'modsvc-agent gc')");
      return Optional.empty();
    }
  }

  /**
   * What {@link #switchTo} would do, changing no file and submitting no job; the two file sets for
   * a diff (the old one as the live tree holds it, so that drift the switch would repair shows as a
   * change).
   */
  public Preview preview(ConfigurationSource source) {
    return classified(
        () -> {
          try (SwitchLock lock = LockWaiter.acquire(generations, options.lockWait(), progress);
              ServiceManager manager = new LazyManager(connect)) {
            List<String> warnings = new ArrayList<>();
            generations
                .pending()
                .load()
                .ifPresent(
                    p ->
                        warnings.add(
                            "an interrupted switch to generation "
                                + p.generation()
                                + " is unfinished; a real switch finishes it first"
                                + (p.isDone(Phase.FILES)
                                    ? ""
                                    : ", or replaces it when this configuration differs")));
            Built built = build(source);
            warnings.addAll(built.warnings());
            generations
                .failedInputs()
                .load()
                .filter(f -> f.fingerprint().equals(built.state().fingerprint()))
                .ifPresent(f -> warnings.add(notRetried(f)));
            Manifest before = generations.generations().currentManifest();
            DesiredState oldState = stateOf(before);
            GenerationDiff files = diff(oldState, built.state());
            boolean unchanged = files.isEmpty() && before.generation() > 0;
            List<OwnedDrift> drift = new ArrayList<>();
            for (OwnedDrift d :
                before.generation() == 0 ? List.<OwnedDrift>of() : generations.drift(before)) {
              if (wouldRepair(d, unchanged)) {
                drift.add(d);
              } else {
                DriftView.of(generations, oldState, List.of(d))
                    .drifted()
                    .forEach(
                        x ->
                            warnings.add(
                                x.describe()
                                    + (unchanged && options.drift() == DriftPolicy.REPORT
                                        ? " differs from generation "
                                            + before.generation()
                                            + "; not restored (drift policy: report)"
                                        : " was changed by hand; a switch refuses to overwrite it without --force")));
              }
            }
            DriftView view = DriftView.of(generations, oldState, drift);
            UnitCatalog newUnits = catalog(built.state());
            SwitchPlan plan =
                plan(
                    catalog(view.planning()),
                    newUnits,
                    manager.liveStates(),
                    ExtraWork.none(),
                    List.of());
            warnings.addAll(plan.warnings());
            int to = unchanged ? before.generation() : generations.generations().nextNumber();
            Manifest nextEntries = unchanged ? before : manifestOf(built.state());
            List<Drifted> repaired = restored(view, before, nextEntries);
            plan =
                UnitDirectoryChanges.withRealReasons(
                    plan,
                    view,
                    () -> catalog(view.live()),
                    newUnits,
                    generations.layout().unitDir(),
                    files,
                    before,
                    nextEntries,
                    repaired);
            SwitchResult result =
                new SwitchResult(
                        Optional.empty(),
                        before.generation(),
                        to,
                        true,
                        files,
                        plan,
                        Optional.empty(),
                        warnings,
                        List.of(),
                        Optional.empty(),
                        manager.callCounts(),
                        built.filesRead())
                    .withRepaired(repaired);
            return new Preview(result, view.live(), built.state());
          }
        });
  }

  /**
   * Whether a switch with these options would write {@code d} back (rather than refuse it or leave
   * it).
   */
  private boolean wouldRepair(OwnedDrift d, boolean unchanged) {
    if (options.force() || d.kind() == OwnedDrift.Kind.MISSING) {
      return !(unchanged && options.drift() == DriftPolicy.REPORT);
    }
    return d.kind() == OwnedDrift.Kind.ALTERED && options.drift() == DriftPolicy.REPAIR_ALL;
  }

  /**
   * The entries {@code state} would give a manifest (only what {@link #restored} compares: paths
   * and content).
   */
  private static Manifest manifestOf(DesiredState state) {
    java.util.SortedMap<HostPath, org.modsvc.switcher.generation.ManifestEntry> entries =
        new java.util.TreeMap<>();
    state
        .files()
        .forEach(
            (path, f) ->
                entries.put(
                    path,
                    f instanceof DesiredFile.Regular r
                        ? new org.modsvc.switcher.generation.ManifestEntry.File(
                            r.mode(),
                            org.modsvc.switcher.fs.ContentHash.sha256Hex(r.bytes()),
                            false)
                        : new org.modsvc.switcher.generation.ManifestEntry.Link(
                            ((DesiredFile.Symlink) f).target(), false)));
    return Manifest.empty().withEntries(entries, new java.util.TreeSet<>());
  }

  /** A dry run's result with the old and new file sets. */
  public record Preview(SwitchResult result, DesiredState oldState, DesiredState newState) {}

  /**
   * {@code build}: builds {@code source} and writes its files as the next generation (live tree,
   * then {@code current}) without the service manager: no unit is stopped, reloaded or started and
   * no daemon-reload is made, as for an image or a test root. The lock is not waited for (another
   * run holding it is an error at once). A configuration that cannot become files stops before
   * anything is written (exit 2).
   */
  public FilesWritten buildFiles(ConfigurationSource source) {
    return classified(
        () -> {
          try (SwitchLock lock = generations.lock()) {
            Built built;
            try {
              built = build(source);
            } catch (BuildException e) {
              throw new SwitchException(
                  ExitCode.CONFIGURATION, e.getMessage() + "\nnothing was written", e);
            }
            List<String> warnings = new ArrayList<>(built.warnings());
            warnings.addAll(generations.store().takeRepairWarnings());
            ApplyReport applied = generations.switchFiles(lock, built.state(), options.force());
            return new FilesWritten(built, applied, warnings);
          }
        });
  }

  /**
   * What {@link #buildFiles} wrote: the built configuration, the generation it became and the file
   * operations, and the warnings (the build's and the store's repairs).
   */
  public record FilesWritten(Built built, ApplyReport applied, List<String> warnings) {
    public FilesWritten {
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * Switches to generation {@code n}'s files (by default the newest generation older than the
   * current one), as a new generation, through the same plan and executor as any switch.
   */
  public SwitchResult rollback(OptionalInt n) {
    return switchTo(
        (layout, store) -> new Built(generations.rollbackState(rollbackTarget(n)), List.of()));
  }

  private int rollbackTarget(OptionalInt requested) throws IOException {
    List<Integer> all = generations.generations().list();
    int current = generations.generations().current().orElse(0);
    if (requested.isPresent()) {
      if (!all.contains(requested.getAsInt())) {
        throw new SwitchException(
            ExitCode.FATAL,
            "generation " + requested.getAsInt() + " does not exist; " + "existing: " + all,
            null);
      }
      return requested.getAsInt();
    }
    return all.stream()
        .filter(g -> g < current)
        .reduce((a, b) -> b)
        .orElseThrow(
            () ->
                new SwitchException(
                    ExitCode.FATAL,
                    "no generation before the current one (" + current + ") to roll back to",
                    null));
  }

  /**
   * The run before us was killed: apply its files (idempotent), run the stops it still owed, then
   * its unfinished reload/restart/start lists as the planner's resumed work, and forget it.
   */
  private Optional<SwitchResult.Resumed> finishInterrupted(SwitchLock lock, ServiceManager manager)
      throws IOException {
    Optional<PendingSwitch> open =
        generations.resume(lock, options.force(), options.drift().repair());
    if (open.isEmpty()) {
      return Optional.empty();
    }
    PendingSwitch pending = open.get();
    progress.accept("finishing the interrupted switch to generation " + pending.generation());
    UnitCatalog units = catalog(generations.generations().desiredStateOf(pending.generation()));
    Map<UnitName, LiveState> live = manager.liveStates();
    PhasePlan unfinished = pending.unfinishedWork();
    List<UnitName> stops = activeOnly(unfinished.stop(), live);
    // the files are on disk (resume applied them); whether systemd re-read them before the kill is
    // not known
    SwitchPlan plan =
        plan(units, units, live, ExtraWork.resumed(unfinished), stops)
            .withDaemonReloadReasons(List.of(INTERRUPTED_FILES));
    PhasePlan phases = PhasePlan.of(plan, stops, live).withDaemonReload();
    SwitchReport report =
        manager.execute(
            phases,
            () -> {
              stopDone();
              return false;
            },
            new JournalingListener());
    generations.pending().clear();
    checkpoint.reached("interrupted switch finished");
    return Optional.of(
        new SwitchResult.Resumed(
            pending.generation(), stops.stream().map(UnitName::value).toList(), plan, report));
  }

  /** The units of {@code units} that are still running (or starting), so stopping them is owed. */
  private static List<UnitName> activeOnly(List<UnitName> units, Map<UnitName, LiveState> live) {
    return units.stream().filter(u -> live.containsKey(u) && live.get(u).inActiveSet()).toList();
  }

  /** The daemon-reload reason of a switch that finishes or replaces an interrupted one. */
  private static final String INTERRUPTED_FILES =
      "an interrupted switch's files may not be the ones systemd has loaded";

  private SwitchPlan plan(
      UnitCatalog oldUnits,
      UnitCatalog newUnits,
      Map<UnitName, LiveState> live,
      ExtraWork extra,
      List<UnitName> extraStops) {
    SwitchPlan plan = Planner.plan(PlanInput.of(oldUnits, newUnits, live, mode).withExtra(extra));
    java.util.Set<UnitName> stopping = new TreeSet<>(SwitchPlan.units(plan.stop()));
    stopping.addAll(extraStops);
    // stc-ng decides this when the reload phase comes; the only change before it is our own stop
    // phase
    return plan.resolveInactiveReloads(
        u -> !stopping.contains(u) && live.containsKey(u) && live.get(u).isActiveOrActivating());
  }

  /** Whether applying the files wrote, replaced or removed anything systemd reads as a unit. */
  private boolean changesUnitDirectory(ApplyReport applied) {
    HostPath unitDir = generations.layout().unitDir();
    return applied.operations().stream().anyMatch(op -> op.path().isBelow(unitDir));
  }

  private Built build(ConfigurationSource source) throws IOException {
    return source.build(generations.layout(), generations.store());
  }

  private Manifest prepareGeneration(SwitchLock lock, DesiredState state) throws IOException {
    try {
      return generations.prepare(lock, state, options.force(), options.drift().repair());
    } catch (OwnershipException e) {
      throw new SwitchException(
          ExitCode.FATAL,
          e.getMessage()
              + "\n(move the files away, or run with --force to back them up as <path>.modsvc-backup)",
          e);
    }
  }

  private DesiredState stateOf(Manifest manifest) throws IOException {
    return manifest.generation() == 0
        ? new DesiredState(Map.of(), java.util.Set.of(), Map.of())
        : generations.generations().desiredStateOf(manifest.generation());
  }

  private UnitCatalog catalog(DesiredState state) {
    Catalogued[] known = catalogued;
    for (int i = 0; i < known.length; i++) {
      Catalogued c = known[i];
      if (c != null && c.files().equals(state.files())) {
        if (i > 0) {
          catalogued = new Catalogued[] {c, known[0]}; // most recently used first
        }
        return c.catalog();
      }
    }
    UnitCatalog parsed = CatalogOfState.of(state, generations.layout().unitDir());
    catalogued = new Catalogued[] {new Catalogued(state.files(), parsed), known[0]};
    return parsed;
  }

  /**
   * A file set and its units, parsed. A switch's new units are the next switch's old ones (the
   * current generation's copies hold the same bytes), so the two catalogs used last are kept (the
   * old side is asked for first, while the last switch's new side is still kept); a catalog depends
   * on nothing but the files (CatalogOfState), compared here byte for byte.
   */
  private record Catalogued(Map<HostPath, DesiredFile> files, UnitCatalog catalog) {}

  private volatile Catalogued[] catalogued = new Catalogued[2];

  private void stopDone() throws IOException {
    generations.pending().markDone(Phase.STOP);
    checkpoint.reached("stop done");
  }

  /** Paths added, changed (content or type) and removed between two file sets. */
  static GenerationDiff diff(DesiredState from, DesiredState to) {
    SortedSet<HostPath> added = new TreeSet<>();
    SortedSet<HostPath> changed = new TreeSet<>();
    SortedSet<HostPath> removed = new TreeSet<>();
    for (Map.Entry<HostPath, DesiredFile> e : to.files().entrySet()) {
      DesiredFile old = from.files().get(e.getKey());
      if (old == null) {
        added.add(e.getKey());
      } else if (!old.equals(e.getValue())) {
        changed.add(e.getKey());
      }
    }
    from.files().keySet().stream().filter(p -> !to.files().containsKey(p)).forEach(removed::add);
    return new GenerationDiff(added, changed, removed);
  }

  /**
   * Records finished phases in the pending journal as the executor moves on, passes the steps to
   * the hook, and tells the operator each phase and each job as it ends (stderr, while the switch
   * goes on).
   */
  private final class JournalingListener implements PhaseExecutor.Listener {
    @Override
    public void phaseStarting(Phase phase, List<UnitName> units) {
      progress.accept(
          phase.label()
              + " phase: "
              + String.join(", ", units.stream().map(UnitName::value).toList()));
      try {
        if (phase == Phase.RESTART) {
          markDoneIfPending(java.util.EnumSet.of(Phase.RELOAD));
        }
        if (phase == Phase.START) {
          markDoneIfPending(java.util.EnumSet.of(Phase.RELOAD, Phase.RESTART));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      checkpoint.reached(phase.label() + " starting");
    }

    @Override
    public void filesWritten() {
      progress.accept("files written");
    }

    @Override
    public void daemonReloaded() {
      progress.accept("daemon-reload done");
      checkpoint.reached("daemon-reload done");
    }

    @Override
    public void jobFinished(Phase phase, JobOutcome outcome, java.time.Duration elapsed) {
      progress.accept(
          outcome.kind().verb()
              + " "
              + outcome.unit()
              + " … "
              + outcome.status()
              + (outcome.detail().isEmpty() ? "" : " (" + outcome.detail() + ")")
              + " "
              + JobOutcome.seconds(elapsed));
    }

    @Override
    public void settling(List<String> units, java.time.Duration window) {
      progress.accept(
          "watching "
              + String.join(", ", units)
              + " for "
              + JobOutcome.seconds(window)
              + " (--settle)");
    }

    /** One journal write for all of {@code phases} not yet marked; none when all are. */
    private void markDoneIfPending(java.util.Set<Phase> phases) throws IOException {
      Optional<PendingSwitch> open = generations.pending().load();
      if (open.isPresent() && phases.stream().anyMatch(p -> !open.get().isDone(p))) {
        generations.pending().markDone(phases);
      }
    }
  }

  @FunctionalInterface
  private interface Body<T> {
    T run() throws IOException;
  }

  /** Gives each way a run can stop its exit status (docs/decisions.md §6). */
  private static <T> T classified(Body<T> body) {
    try {
      return body.run();
    } catch (SwitchException e) {
      throw e;
    } catch (BuildException | EvalException e) {
      throw new SwitchException(
          ExitCode.CONFIGURATION, e.getMessage() + "\nnothing was changed", e);
    } catch (SystemdException | GenerationException | PlanException e) {
      throw new SwitchException(ExitCode.FATAL, e.getMessage(), e);
    } catch (IOException e) {
      throw new SwitchException(ExitCode.FATAL, "I/O error: " + IoErrors.describe(e), e);
    } catch (UncheckedIOException e) {
      throw new SwitchException(
          ExitCode.FATAL, "I/O error: " + IoErrors.describe(e.getCause()), e.getCause());
    }
  }
}
