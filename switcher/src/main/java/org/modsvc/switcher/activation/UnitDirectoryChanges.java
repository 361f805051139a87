package org.modsvc.switcher.activation;

import java.util.ArrayList;
import java.util.List;
import org.modsvc.switcher.fs.HostPath;
import org.modsvc.switcher.generation.GenerationDiff;
import org.modsvc.switcher.generation.Manifest;
import org.modsvc.switcher.generation.ManifestEntry;
import org.modsvc.switcher.plan.DaemonReloadReasons;
import org.modsvc.switcher.plan.DaemonReloadReasons.Change;
import org.modsvc.switcher.plan.DaemonReloadReasons.FileChange;
import org.modsvc.switcher.plan.Planner;
import org.modsvc.switcher.plan.SwitchPlan;
import org.modsvc.switcher.unit.UnitCatalog;

/**
 * The paths of the unit directory a switch adds, changes, removes or restores: each makes the
 * executor reload systemd (the file phase's answer), so the plan's text lists them next to the
 * catalog's changes ({@link DaemonReloadReasons}).
 */
final class UnitDirectoryChanges {
  private UnitDirectoryChanges() {}

  /**
   * {@code plan} with the daemon-reload reasons of what the switch really does: the catalog changes
   * from the units systemd has loaded (with drift, the live ones: the planning side's trigger
   * markers are no file), plus the unit-directory files not explained by them.
   */
  static SwitchPlan withRealReasons(
      SwitchPlan plan,
      DriftView view,
      java.util.function.Supplier<UnitCatalog> liveUnits,
      UnitCatalog newUnits,
      HostPath unitDir,
      GenerationDiff files,
      Manifest before,
      Manifest next,
      List<Drifted> repaired) {
    List<String> catalogReasons =
        view.drifted().isEmpty()
            ? plan.daemonReloadReasons()
            : Planner.catalogChanges(liveUnits.get(), newUnits);
    return plan.withDaemonReloadReasons(
        DaemonReloadReasons.of(catalogReasons, of(unitDir, files, before, next, repaired)));
  }

  static List<FileChange> of(
      HostPath unitDir,
      GenerationDiff files,
      Manifest before,
      Manifest next,
      List<Drifted> repaired) {
    List<FileChange> changes = new ArrayList<>();
    for (HostPath p : files.added()) {
      add(changes, unitDir, p, Change.ADDED, isLink(next, p));
    }
    for (HostPath p : files.changed()) {
      add(changes, unitDir, p, Change.CHANGED, isLink(before, p) || isLink(next, p));
    }
    for (HostPath p : files.removed()) {
      add(changes, unitDir, p, Change.REMOVED, isLink(before, p));
    }
    for (Drifted d : repaired) {
      HostPath p = HostPath.of(d.hostPath());
      add(changes, unitDir, p, Change.RESTORED, isLink(next, p));
    }
    return changes;
  }

  private static void add(
      List<FileChange> changes, HostPath unitDir, HostPath path, Change change, boolean link) {
    if (path.isBelow(unitDir)) {
      changes.add(new FileChange(path.relativeTo(unitDir), change, link));
    }
  }

  private static boolean isLink(Manifest manifest, HostPath path) {
    return manifest.entries().get(path) instanceof ManifestEntry.Link;
  }
}
