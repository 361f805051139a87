package org.modsvc.switcher.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modsvc.switcher.fs.HostPath;

class GenerationsTest {

  @TempDir Path root;

  @Test
  void diff_listsAddedChangedAndRemovedPaths() throws IOException {
    Fixture f = new Fixture(root);
    f.switchTo(
        state(
            unit("a.service", "A\n"),
            unit("b.service", "B\n"),
            wants("multi-user.target", "a.service")));
    f.switchTo(
        state(
            unit("a.service", "A2\n"),
            unit("c.service", "C\n"),
            wants("multi-user.target", "a.service")));
    GenerationDiff d = f.switcher.generations().diff(1, 2);
    assertEquals(Set.of(HostPath.of("/etc/systemd/system/c.service")), d.added());
    assertEquals(Set.of(HostPath.of("/etc/systemd/system/a.service")), d.changed());
    assertEquals(Set.of(HostPath.of("/etc/systemd/system/b.service")), d.removed());
    assertEquals(
        "+ /etc/systemd/system/c.service\n~ /etc/systemd/system/a.service\n- /etc/systemd/system/b.service\n",
        d.toString());
  }

  @Test
  void diff_countsModeChangeAsChange() throws IOException {
    Fixture f = new Fixture(root);
    f.switchTo(state(DesiredFile.Regular.text("/etc/system-services/x/run", "x", 0644)));
    f.switchTo(state(DesiredFile.Regular.text("/etc/system-services/x/run", "x", 0755)));
    assertEquals(
        Set.of(HostPath.of("/etc/system-services/x/run")),
        f.switcher.generations().diff(1, 2).changed());
  }

  @Test
  void generation_keepsCopiesOfItsUnitFiles() throws IOException {
    Fixture f = new Fixture(root);
    f.switchTo(state(unit("a.service", "A\n")));
    f.switchTo(state(unit("a.service", "A2\n")));
    Path oldUnits = f.switcher.generations().filesUnder(1, f.layout.unitDir());
    assertEquals("A\n", Files.readString(oldUnits.resolve("a.service")));
  }

  @Test
  void generation_linksUnchangedCopiesAndWritesChangedOnes() throws IOException {
    Fixture f = new Fixture(root);
    f.switchTo(state(unit("a.service", "A\n"), unit("b.service", "B\n")));
    f.switchTo(state(unit("a.service", "A2\n"), unit("b.service", "B\n")));
    Generations g = f.switcher.generations();
    Path one = g.filesUnder(1, f.layout.unitDir());
    Path two = g.filesUnder(2, f.layout.unitDir());
    assertTrue(Files.isSameFile(one.resolve("b.service"), two.resolve("b.service")));
    assertTrue(!Files.isSameFile(one.resolve("a.service"), two.resolve("a.service")));
    assertEquals("A\n", Files.readString(one.resolve("a.service")));
    assertEquals("A2\n", Files.readString(two.resolve("a.service")));
    assertEquals(
        Set.of(
            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
            java.nio.file.attribute.PosixFilePermission.GROUP_READ,
            java.nio.file.attribute.PosixFilePermission.OTHERS_READ),
        Files.getPosixFilePermissions(two.resolve("a.service")));
    g.delete(1);
    assertEquals("B\n", Files.readString(two.resolve("b.service")));
  }

  @Test
  void manifest_roundTripsThroughJson() throws IOException {
    Fixture f = new Fixture(root);
    f.switchTo(
        DesiredState.of(
            List.of(
                unit("a.service", "A\n"),
                f.configData("app/c\"q.conf", f.storeText("c.conf", "x"))),
            Set.of(),
            Map.of("modules", "/etc/modsvc/modules")));
    Manifest m = f.switcher.generations().read(1);
    assertEquals(m, ManifestJson.parse(ManifestJson.write(m), "test"));
    assertEquals("/etc/modsvc/modules", m.metadata().get("modules"));
    assertEquals(1, m.storeEntries().size());
    assertEquals(java.time.Instant.parse("2026-11-21T10:00:00Z"), m.created());
  }

  @Test
  void manifest_rewrittenByAnotherProcess_isReadAgain() throws IOException {
    Fixture f = new Fixture(root);
    f.switchTo(state(unit("a.service", "A\n"), wants("multi-user.target", "a.service")));
    Generations ours = f.switcher.generations();
    Manifest before = ours.read(1); // parsed (or remembered from the write) by this process
    Manifest changed =
        before.withEntries(before.entries(), new java.util.TreeSet<>()); // no created dirs
    new Generations(f.layout).rewriteManifest(changed); // another process, same state directory
    assertEquals(changed, ours.read(1));
    assertEquals(changed, new Generations(f.layout).read(1));
  }

  @Test
  void desiredState_ofAGenerationWrittenHere_isTheOneOnDisk() throws IOException {
    Fixture f = new Fixture(root);
    f.switchTo(state(unit("a.service", "A\n"), unit("b.service", "B\n")));
    f.switchTo(state(unit("a.service", "A2\n"), unit("b.service", "B\n")));
    for (int g : List.of(1, 2)) {
      assertEquals(
          new Generations(f.layout).desiredStateOf(g), f.switcher.generations().desiredStateOf(g));
    }
    assertEquals(
        "A2\n",
        new String(
            ((DesiredFile.Regular)
                    f.switcher
                        .generations()
                        .desiredStateOf(2)
                        .files()
                        .get(org.modsvc.switcher.fs.HostPath.of("/etc/systemd/system/a.service")))
                .bytes(),
            java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void corruptManifest_isErrorNamingTheFile() throws IOException {
    Fixture f = new Fixture(root);
    f.switchTo(state(unit("a.service", "A\n")));
    Path manifest = f.switcher.generations().dirOf(1).resolve("manifest.json");
    Files.writeString(manifest, "{\"version\": 1, \"generation\": \"one\"}");
    GenerationException expected =
        assertThrows(GenerationException.class, () -> f.switcher.generations().read(1));
    assertTrue(
        expected
            .getMessage()
            .startsWith(manifest + ": invalid manifest: generation must be an integer"),
        expected.getMessage());
  }

  @Test
  void sameConfigurationAgain_makesNoNewGeneration() throws IOException {
    Fixture f = new Fixture(root);
    f.switchTo(state(unit("a.service", "A\n")));
    f.switchTo(state(unit("a.service", "A\n")));
    assertEquals(List.of(1), f.switcher.generations().list());
  }

  @Test
  void rollback_writesOldFilesAgainAsNewGeneration() throws IOException {
    Fixture f = new Fixture(root);
    f.switchTo(
        state(unit("a.service", "A\n"), f.configData("app/a.conf", f.storeText("a.conf", "1"))));
    f.switchTo(state(unit("b.service", "B\n")));
    f.switchTo(f.switcher.rollbackState(1));
    assertEquals("A\n", Files.readString(f.disk("/etc/systemd/system/a.service")));
    assertTrue(Files.isSymbolicLink(f.disk("/etc/system-services/app/a.conf")));
    assertTrue(Files.notExists(f.disk("/etc/systemd/system/b.service")));
    assertEquals("1", f.switcher.generations().currentManifest().metadata().get("rollbackOf"));
    assertEquals(3, f.switcher.generations().current().getAsInt());
    assertTrue(f.switcher.generations().diff(1, 3).isEmpty());
  }

  @Test
  void configDataLinkToMissingStoreEntry_isRejected() {
    Fixture f = new Fixture(root);
    GenerationException expected =
        assertThrows(
            GenerationException.class,
            () ->
                f.switchTo(
                    state(
                        DesiredFile.Symlink.of(
                            "/etc/system-services/app/a.conf",
                            "/var/lib/modsvc/store/0123456789abcdef0123456789abcdef-a.conf"))));
    assertTrue(expected.getMessage().contains("not in the store"), expected.getMessage());
  }

  @Test
  void twoFilesForOnePath_areRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> state(unit("a.service", "1"), unit("a.service", "2")));
  }

  @Test
  void fileWhereAnotherNeedsADirectory_isRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            state(
                DesiredFile.Regular.text("/etc/system-services/a", "x", 0644),
                DesiredFile.Regular.text("/etc/system-services/a/b", "y", 0644)));
  }
}
