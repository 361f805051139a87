package org.modsvc.switcher.activation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.modsvc.switcher.generation.GcReport;
import org.modsvc.switcher.generation.GenerationDiff;
import org.modsvc.switcher.plan.SwitchPlan;
import org.modsvc.switcher.systemd.JobOutcome;
import org.modsvc.switcher.systemd.PhaseReport;
import org.modsvc.switcher.systemd.SwitchReport;
import org.modsvc.switcher.systemd.UnitFailure;

/**
 * What one run did or, for a dry run, would do.
 *
 * @param resumed the interrupted switch this run finished first, if any
 * @param from the generation current before the switch (0 for none)
 * @param to the generation current after it (for a dry run: the one it would create, or {@code
 *     from})
 * @param files paths added, changed and removed in the live tree
 * @param report the jobs' outcomes; empty for a dry run and for a switch with nothing to do
 * @param notes what {@code --force} did, and other remarks
 * @param dbusCalls D-Bus method calls of the whole run, by method
 * @param repaired owned files that had drifted and this run wrote back (or, for a dry run, would
 *     write back), with the units restarted or reloaded for them in {@code plan} (docs/decisions.md
 *     §12)
 * @param rolledBack the switch back to the previous generation after this one's units failed
 *     ({@code --rollback-on-failure}); {@code to} is still the generation that failed, {@link
 *     #current()} the one current now
 * @param filesRead the files and directories on disk the evaluation read (see {@link
 *     org.modsvc.switcher.build.Built#filesRead}); empty for ready unit files and for a rollback
 */
public record SwitchResult(
    Optional<Resumed> resumed,
    int from,
    int to,
    boolean dryRun,
    GenerationDiff files,
    SwitchPlan plan,
    Optional<SwitchReport> report,
    List<String> warnings,
    List<String> notes,
    Optional<GcReport> gc,
    Map<String, Long> dbusCalls,
    List<Drifted> repaired,
    Optional<RolledBack> rolledBack,
    Set<Path> filesRead) {

  /** An interrupted switch finished at the start of this run. */
  public record Resumed(
      int generation, List<String> stopped, SwitchPlan plan, SwitchReport report) {}

  /**
   * The units of {@code failedGeneration} failed, so the run switched back to {@code
   * restoredGeneration}'s files ({@code switchBack}: a switch like {@code rollback}'s, to a new
   * generation whose metadata says {@code rollbackOf}), and marked the failed configuration so that
   * it is not retried unchanged.
   */
  public record RolledBack(
      int failedGeneration,
      int restoredGeneration,
      List<UnitFailure> failures,
      SwitchResult switchBack) {
    public RolledBack {
      failures = List.copyOf(failures);
    }
  }

  public SwitchResult {
    warnings = List.copyOf(warnings);
    notes = List.copyOf(notes);
    dbusCalls = Map.copyOf(dbusCalls);
    repaired = List.copyOf(repaired);
    filesRead = Set.copyOf(filesRead);
  }

  /**
   * A run that repaired nothing and rolled nothing back, after an evaluation that read {@code
   * filesRead}.
   */
  public SwitchResult(
      Optional<Resumed> resumed,
      int from,
      int to,
      boolean dryRun,
      GenerationDiff files,
      SwitchPlan plan,
      Optional<SwitchReport> report,
      List<String> warnings,
      List<String> notes,
      Optional<GcReport> gc,
      Map<String, Long> dbusCalls,
      Set<Path> filesRead) {
    this(
        resumed,
        from,
        to,
        dryRun,
        files,
        plan,
        report,
        warnings,
        notes,
        gc,
        dbusCalls,
        List.of(),
        Optional.empty(),
        filesRead);
  }

  /** A run that repaired nothing and rolled nothing back. */
  public SwitchResult(
      Optional<Resumed> resumed,
      int from,
      int to,
      boolean dryRun,
      GenerationDiff files,
      SwitchPlan plan,
      Optional<SwitchReport> report,
      List<String> warnings,
      List<String> notes,
      Optional<GcReport> gc,
      Map<String, Long> dbusCalls) {
    this(resumed, from, to, dryRun, files, plan, report, warnings, notes, gc, dbusCalls, Set.of());
  }

  SwitchResult withRepaired(List<Drifted> files) {
    return new SwitchResult(
        resumed,
        from,
        to,
        dryRun,
        this.files,
        plan,
        report,
        warnings,
        notes,
        gc,
        dbusCalls,
        files,
        rolledBack,
        filesRead);
  }

  SwitchResult withRolledBack(RolledBack back) {
    return new SwitchResult(
        resumed,
        from,
        to,
        dryRun,
        files,
        plan,
        report,
        warnings,
        notes,
        gc,
        dbusCalls,
        repaired,
        Optional.of(back),
        filesRead);
  }

  /**
   * The generation current after the run: {@link #to()}, or the one a rollback after failed units
   * created.
   */
  public int current() {
    return rolledBack.map(r -> r.switchBack().current()).orElse(to);
  }

  public List<UnitFailure> failures() {
    List<UnitFailure> all = new ArrayList<>();
    resumed.ifPresent(r -> all.addAll(r.report().failures()));
    report.ifPresent(r -> all.addAll(r.failures()));
    return all;
  }

  /** 4 when a unit failed, also when the switch was rolled back for it; 0 otherwise. */
  public int exitCode() {
    boolean failed = !failures().isEmpty() || rolledBack.isPresent();
    return failed ? ExitCode.UNIT_FAILED : ExitCode.OK;
  }

  /**
   * Human-readable: the plan with its reasons (stc-ng's wording), then outcomes and failures with
   * journal tails.
   */
  public String render() {
    StringBuilder out = new StringBuilder();
    resumed.ifPresent(
        r -> {
          out.append("finishing the interrupted switch to generation ")
              .append(r.generation())
              .append('\n');
          if (!r.stopped().isEmpty()) {
            out.append("stopping the following units: ")
                .append(String.join(", ", r.stopped()))
                .append('\n');
          }
          out.append(r.plan().render(false));
          outcomes(r.report(), out);
        });
    if (from == to && files.isEmpty() && !repaired.isEmpty()) {
      out.append(dryRun ? "would repair " : "repairing ")
          .append(repaired.size())
          .append(repaired.size() == 1 ? " file" : " files")
          .append(" of generation ")
          .append(to)
          .append(": ")
          .append(String.join(", ", repaired.stream().map(Drifted::describe).toList()))
          .append('\n');
      out.append(plan.render(dryRun));
    } else if (from == to && files.isEmpty() && plan.hasNoJobs()) {
      out.append(dryRun ? "would change nothing" : "nothing to do")
          .append(": generation ")
          .append(to)
          .append(" is already current\n");
    } else {
      out.append(dryRun ? "would switch" : "switching")
          .append(" from generation ")
          .append(from)
          .append(" to ")
          .append(to)
          .append(" (")
          .append(files.added().size())
          .append(" added, ")
          .append(files.changed().size())
          .append(" changed, ")
          .append(files.removed().size())
          .append(" removed)\n");
      if (!repaired.isEmpty()) {
        out.append(dryRun ? "would restore " : "restoring ")
            .append(repaired.size())
            .append(" drifted")
            .append(repaired.size() == 1 ? " file: " : " files: ")
            .append(String.join(", ", repaired.stream().map(Drifted::describe).toList()))
            .append('\n');
      }
      out.append(plan.render(dryRun));
    }
    warnings.forEach(w -> out.append("warning: ").append(w).append('\n'));
    notes.forEach(n -> out.append("note: ").append(n).append('\n'));
    report.ifPresent(r -> outcomes(r, out));
    for (UnitFailure f : failures()) {
      out.append("error: ").append(f.outcome().describe()).append('\n');
      f.journal().forEach(line -> out.append("    ").append(line).append('\n'));
    }
    gc.filter(GcReport::deletedAnything)
        .ifPresent(
            g ->
                out.append("garbage collection (--keep-generations ")
                    .append(g.keep())
                    .append("): ")
                    .append(g)
                    .append('\n'));
    rolledBack.ifPresent(
        r -> {
          out.append("rolling back (--rollback-on-failure): generation ")
              .append(r.failedGeneration())
              .append(" failed (")
              .append(String.join(", ", failedUnits(r.failures())))
              .append("); back to generation ")
              .append(r.restoredGeneration())
              .append("'s files as generation ")
              .append(r.switchBack().current())
              .append(
                  "; this configuration is not retried until it changes (--force retries it)\n");
          out.append(r.switchBack().render());
        });
    return out.toString();
  }

  private static List<String> failedUnits(List<UnitFailure> failures) {
    return failures.stream().map(f -> f.outcome().unit()).distinct().toList();
  }

  private static void outcomes(SwitchReport report, StringBuilder out) {
    for (PhaseReport phase : report.phases()) {
      for (JobOutcome o : phase.outcomes()) {
        if (!o.failed()) {
          out.append(o.describe()).append('\n');
        }
      }
    }
  }

  /**
   * For {@code --json}: the plan's data, the outcomes, failures with journal tails, and the call
   * counts.
   */
  public Map<String, Object> toData() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("dryRun", dryRun);
    data.put("from", from);
    data.put("to", to);
    data.put(
        "files",
        Map.of(
            "added",
            paths(files.added()),
            "changed",
            paths(files.changed()),
            "removed",
            paths(files.removed())));
    resumed.ifPresent(
        r -> {
          Map<String, Object> res = new LinkedHashMap<>();
          res.put("generation", r.generation());
          res.put("stopped", r.stopped());
          res.put("plan", r.plan().toData());
          res.put("outcomes", outcomeData(r.report()));
          data.put("resumed", res);
        });
    data.put("plan", plan.toData());
    data.put("outcomes", report.map(SwitchResult::outcomeData).orElse(List.of()));
    List<Object> failures = new ArrayList<>();
    for (UnitFailure f : failures()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("unit", f.outcome().unit());
      m.put("phase", f.phase().name().toLowerCase(java.util.Locale.ROOT));
      m.put("result", f.outcome().status().toString());
      m.put("detail", f.outcome().detail());
      m.put("journal", f.journal());
      failures.add(m);
    }
    data.put("failures", failures);
    data.put("warnings", warnings);
    data.put("notes", notes);
    gc.ifPresent(g -> data.put("gc", g.toData()));
    data.put("repaired", repaired.stream().map(Drifted::toData).toList());
    rolledBack.ifPresent(
        r -> {
          Map<String, Object> back = new LinkedHashMap<>();
          back.put("failedGeneration", r.failedGeneration());
          back.put("restoredGeneration", r.restoredGeneration());
          back.put("failedUnits", failedUnits(r.failures()));
          back.put("switchBack", r.switchBack().toData());
          data.put("rolledBack", back);
        });
    data.put("current", current());
    data.put("dbusCalls", new java.util.TreeMap<>(dbusCalls));
    data.put("exitCode", exitCode());
    return data;
  }

  private static List<String> paths(java.util.Collection<org.modsvc.switcher.fs.HostPath> ps) {
    return ps.stream().map(Object::toString).toList();
  }

  private static List<Object> outcomeData(SwitchReport report) {
    List<Object> list = new ArrayList<>();
    for (PhaseReport phase : report.phases()) {
      for (JobOutcome o : phase.outcomes()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("phase", phase.phase().name().toLowerCase(java.util.Locale.ROOT));
        m.put("unit", o.unit());
        m.put("status", o.status().toString());
        m.put("result", o.systemdResult());
        list.add(m);
      }
    }
    return list;
  }
}
