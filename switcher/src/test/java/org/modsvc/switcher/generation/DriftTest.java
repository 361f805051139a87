package org.modsvc.switcher.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.modsvc.switcher.generation.Fixture.state;
import static org.modsvc.switcher.generation.Fixture.unit;
import static org.modsvc.switcher.generation.Fixture.wants;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modsvc.switcher.fs.HostPath;
import org.modsvc.switcher.fs.LiveEntry;
import org.modsvc.switcher.store.StorePath;

/**
 * Owned files that drifted from the current generation (docs/decisions.md §12): how drift is
 * classified, which {@link Repair} scope writes what back on an unchanged configuration, and the
 * record of a failed configuration.
 */
class DriftTest {

  @TempDir Path root;

  private static final String A = "/etc/systemd/system/a.service";
  private static final HostPath STORE = HostPath.of("/var/lib/modsvc/store");
  private static final String HASH = "0".repeat(64);

  // ---- classify ----

  @Test
  void classify_sameKindIsAltered_otherKindIsReplaced_nothingIsMissing() {
    ManifestEntry file = new ManifestEntry.File(0644, HASH, false);
    assertEquals(
        Optional.empty(), OwnedDrift.classify(file, new LiveEntry.RegularFile(0644, HASH), STORE));
    assertEquals(
        Optional.of(OwnedDrift.Kind.ALTERED),
        OwnedDrift.classify(file, new LiveEntry.RegularFile(0600, HASH), STORE),
        "a mode change is an edit");
    assertEquals(
        Optional.of(OwnedDrift.Kind.ALTERED),
        OwnedDrift.classify(file, new LiveEntry.RegularFile(0644, "1".repeat(64)), STORE));
    assertEquals(
        Optional.of(OwnedDrift.Kind.REPLACED),
        OwnedDrift.classify(file, new LiveEntry.Symlink("/etc/mine.service"), STORE));
    assertEquals(
        Optional.of(OwnedDrift.Kind.REPLACED),
        OwnedDrift.classify(file, new LiveEntry.Other("directory"), STORE));
    assertEquals(
        Optional.of(OwnedDrift.Kind.MISSING),
        OwnedDrift.classify(file, new LiveEntry.Absent(), STORE));
  }

  @Test
  void classify_aConfigLinkPointedOutOfTheStore_isSomeonesOwnFile() {
    ManifestEntry link = new ManifestEntry.Link("/var/lib/modsvc/store/abc-app.conf", false);
    assertEquals(
        Optional.of(OwnedDrift.Kind.ALTERED),
        OwnedDrift.classify(
            link, new LiveEntry.Symlink("/var/lib/modsvc/store/def-app.conf"), STORE));
    assertEquals(
        Optional.of(OwnedDrift.Kind.REPLACED),
        OwnedDrift.classify(link, new LiveEntry.Symlink("/etc/my-app.conf"), STORE));
    assertEquals(
        Optional.of(OwnedDrift.Kind.REPLACED),
        OwnedDrift.classify(link, new LiveEntry.RegularFile(0644, HASH), STORE));
    ManifestEntry relative = new ManifestEntry.Link("../a.service", false);
    assertEquals(
        Optional.of(OwnedDrift.Kind.ALTERED),
        OwnedDrift.classify(relative, new LiveEntry.Symlink("../b.service"), STORE));
  }

  // ---- drift() and the repair scopes on an unchanged configuration ----

  private Fixture switched() throws IOException {
    Fixture f = new Fixture(root);
    f.switchTo(
        state(
            unit("a.service", "A\n"),
            unit("b.service", "B\n"),
            wants("multi-user.target", "a.service")));
    return f;
  }

  private Manifest prepareUnchanged(Fixture f, boolean force, Repair repair) throws IOException {
    try (SwitchLock lock = f.switcher.lock()) {
      return f.switcher.prepare(
          lock,
          state(
              unit("a.service", "A\n"),
              unit("b.service", "B\n"),
              wants("multi-user.target", "a.service")),
          force,
          repair);
    }
  }

  private ApplyReport applyCurrent(Fixture f, boolean force, Repair repair) throws IOException {
    try (SwitchLock lock = f.switcher.lock()) {
      return f.switcher.applyFiles(lock, 1, force, repair);
    }
  }

  @Test
  void drift_listsOnlyOwnedPathsThatDiffer_inPathOrder() throws IOException {
    Fixture f = switched();
    Files.delete(f.disk("/etc/systemd/system/multi-user.target.wants/a.service"));
    Files.writeString(f.disk(A), "edited\n");
    Files.writeString(f.disk("/etc/systemd/system/c.service"), "not ours\n");

    List<OwnedDrift> drift = f.switcher.drift(f.switcher.generations().currentManifest());

    assertEquals(
        List.of(
            HostPath.of(A), HostPath.of("/etc/systemd/system/multi-user.target.wants/a.service")),
        drift.stream().map(OwnedDrift::path).toList());
    assertEquals(
        List.of(OwnedDrift.Kind.ALTERED, OwnedDrift.Kind.MISSING),
        drift.stream().map(OwnedDrift::kind).toList());
  }

  @Test
  void missing_isWrittenBackByApplyingTheCurrentGenerationAgain() throws IOException {
    Fixture f = switched();
    Files.delete(f.disk(A));
    assertEquals(1, prepareUnchanged(f, false, Repair.MISSING).generation());

    applyCurrent(f, false, Repair.MISSING);

    assertEquals("A\n", Files.readString(f.disk(A)));
    assertEquals(List.of(1), f.switcher.generations().list());
    assertTrue(f.switcher.drift(f.switcher.generations().currentManifest()).isEmpty());
  }

  @Test
  void altered_isAConflictUnderRepairMissing_andWrittenBackUnderRepairAll() throws IOException {
    Fixture f = switched();
    Files.writeString(f.disk(A), "edited\n");

    OwnershipException refused =
        assertThrows(OwnershipException.class, () -> prepareUnchanged(f, false, Repair.MISSING));
    assertEquals(Conflict.Kind.HAND_EDITED, refused.conflicts().get(0).kind());

    prepareUnchanged(f, false, Repair.MISSING_AND_ALTERED);
    ApplyReport report = applyCurrent(f, false, Repair.MISSING_AND_ALTERED);
    assertEquals("A\n", Files.readString(f.disk(A)));
    assertEquals(List.of("restored hand-edited " + A), report.notes());
  }

  @Test
  void replaced_isAConflictEvenUnderRepairAll_andOnlyForceOverwritesIt() throws IOException {
    Fixture f = switched();
    Files.delete(f.disk(A));
    Files.createSymbolicLink(f.disk(A), Path.of("/etc/elsewhere.service"));
    Map<String, String> before = TreeSnapshot.of(root);

    assertThrows(
        OwnershipException.class, () -> prepareUnchanged(f, false, Repair.MISSING_AND_ALTERED));
    assertEquals(before, TreeSnapshot.of(root));

    prepareUnchanged(f, true, Repair.MISSING);
    applyCurrent(f, true, Repair.MISSING);
    assertEquals("A\n", Files.readString(f.disk(A)));
  }

  @Test
  void repairNone_checksNothingOnAnUnchangedConfiguration() throws IOException {
    Fixture f = switched();
    Files.writeString(f.disk(A), "edited\n");
    Map<String, String> before = TreeSnapshot.of(root);
    assertEquals(1, prepareUnchanged(f, false, Repair.NONE).generation());
    assertEquals(before, TreeSnapshot.of(root));
  }

  @Test
  void liveBytes_readsARegularFileButNotThroughALink() throws IOException {
    Fixture f = switched();
    assertEquals("A\n", new String(f.switcher.liveBytes(HostPath.of(A), 100).orElseThrow()));
    assertEquals(Optional.empty(), f.switcher.liveBytes(HostPath.of(A), 1), "over the limit");
    Files.delete(f.disk(A));
    Files.createSymbolicLink(f.disk(A), f.disk("/etc/systemd/system/b.service"));
    assertEquals(Optional.empty(), f.switcher.liveBytes(HostPath.of(A), 100));
    assertEquals(
        Optional.empty(), f.switcher.liveBytes(HostPath.of("/etc/systemd/system/none"), 100));
  }

  // ---- fingerprint and the failed-configuration record ----

  @Test
  void fingerprint_isEqualForEqualStates_andChangesWithAnyByteModeTargetRootOrMetadata()
      throws IOException {
    Fixture f = new Fixture(root);
    StorePath entry = f.storeText("x", "x");
    DesiredState base =
        DesiredState.of(
            List.of(unit("a.service", "A\n"), wants("multi-user.target", "a.service")),
            Set.of(entry),
            Map.of("modules", "/etc/modsvc/modules"));
    DesiredState same =
        DesiredState.of(
            List.of(wants("multi-user.target", "a.service"), unit("a.service", "A\n")),
            Set.of(entry),
            Map.of("modules", "/etc/modsvc/modules"));
    assertEquals(base.fingerprint(), same.fingerprint());
    assertTrue(base.fingerprint().matches("[0-9a-f]{64}"));
    List<DesiredState> others =
        List.of(
            DesiredState.of(
                List.of(unit("a.service", "A2\n"), wants("multi-user.target", "a.service")),
                Set.of(entry),
                Map.of("modules", "/etc/modsvc/modules")),
            DesiredState.of(
                List.of(
                    DesiredFile.Regular.text(Fixture.UNITS + "a.service", "A\n", 0600),
                    wants("multi-user.target", "a.service")),
                Set.of(entry),
                Map.of("modules", "/etc/modsvc/modules")),
            DesiredState.of(
                List.of(unit("a.service", "A\n"), wants("default.target", "a.service")),
                Set.of(entry),
                Map.of("modules", "/etc/modsvc/modules")),
            DesiredState.of(
                List.of(unit("a.service", "A\n"), wants("multi-user.target", "a.service")),
                Set.of(),
                Map.of("modules", "/etc/modsvc/modules")),
            DesiredState.of(
                List.of(unit("a.service", "A\n"), wants("multi-user.target", "a.service")),
                Set.of(entry),
                Map.of("modules", "/etc/modsvc/modules", "rollbackOf", "1")));
    for (DesiredState other : others) {
      assertNotEquals(base.fingerprint(), other.fingerprint(), other.toString());
    }
  }

  @Test
  void failedInputs_roundTrip_replace_clear_andADamagedRecordNamesItsFile() throws IOException {
    Fixture f = new Fixture(root);
    FailedInputs failed = f.switcher.failedInputs();
    assertEquals(Optional.empty(), failed.load());

    failed.mark("a".repeat(64), 5, 4, List.of("web.service", "db.service"));
    FailedInputs.Record r = failed.load().orElseThrow();
    assertEquals("a".repeat(64), r.fingerprint());
    assertEquals(5, r.failedGeneration());
    assertEquals(4, r.restoredGeneration());
    assertEquals(List.of("web.service", "db.service"), r.units());

    failed.mark("b".repeat(64), 7, 6, List.of());
    assertEquals(7, failed.load().orElseThrow().failedGeneration());

    failed.clear();
    assertEquals(Optional.empty(), failed.load());
    failed.clear(); // absent: nothing to do

    Path file = f.disk("/var/lib/modsvc/failed-inputs.json");
    Files.writeString(file, "{ \"fingerprint\": 1 }");
    GenerationException e = assertThrows(GenerationException.class, failed::load);
    assertTrue(
        e.getMessage().startsWith(file + ": invalid record of a failed configuration"),
        e.getMessage());
  }
}
