package org.modsvc.switcher.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.modsvc.switcher.generation.Fixture.state;
import static org.modsvc.switcher.generation.Fixture.unit;
import static org.modsvc.switcher.generation.Fixture.wants;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modsvc.switcher.fs.FileModes;

class OwnershipTest {

  @TempDir Path root;

  @Test
  void firstSwitch_writesFilesLinksAndCurrent() throws IOException {
    Fixture f = new Fixture(root);
    f.switchTo(state(unit("a.service", "[Service]\n"), wants("multi-user.target", "a.service")));
    assertEquals("[Service]\n", Files.readString(f.disk("/etc/systemd/system/a.service")));
    assertEquals(
        0644,
        FileModes.toMode(Files.getPosixFilePermissions(f.disk("/etc/systemd/system/a.service"))));
    assertEquals(
        Path.of("../a.service"),
        Files.readSymbolicLink(f.disk("/etc/systemd/system/multi-user.target.wants/a.service")));
    assertEquals(1, f.switcher.generations().current().getAsInt());
  }

  @Test
  void unmanagedFileInTheWay_isErrorNamingItAndChangesNothing() throws IOException {
    Fixture f = new Fixture(root);
    f.switchTo(state(unit("a.service", "A\n")));
    Files.writeString(f.disk("/etc/systemd/system/b.service"), "admin's own\n");
    Map<String, String> before = TreeSnapshot.of(root);

    OwnershipException expected =
        assertThrows(
            OwnershipException.class,
            () -> f.switchTo(state(unit("a.service", "A2\n"), unit("b.service", "B\n"))));

    assertTrue(
        expected
            .getMessage()
            .contains("/etc/systemd/system/b.service: a file not managed by modsvc"),
        expected.getMessage());
    assertEquals(Conflict.Kind.UNMANAGED, expected.conflicts().get(0).kind());
    assertEquals(before, TreeSnapshot.of(root));
  }

  @Test
  void force_movesUnmanagedFileToBackupAndRestoresItWhenPathIsDropped() throws IOException {
    Fixture f = new Fixture(root);
    Files.createDirectories(f.disk("/etc/systemd/system"));
    Files.writeString(f.disk("/etc/systemd/system/b.service"), "admin's own\n");

    f.switchTo(state(unit("b.service", "ours\n")), true);
    assertEquals(
        "admin's own\n", Files.readString(f.disk("/etc/systemd/system/b.service.modsvc-backup")));
    assertEquals("ours\n", Files.readString(f.disk("/etc/systemd/system/b.service")));
    assertTrue(
        f.switcher
            .generations()
            .currentManifest()
            .entries()
            .values()
            .iterator()
            .next()
            .displaced());

    f.switchTo(state(unit("c.service", "C\n")));
    assertEquals("admin's own\n", Files.readString(f.disk("/etc/systemd/system/b.service")));
    assertFalse(Files.exists(f.disk("/etc/systemd/system/b.service.modsvc-backup")));
  }

  @Test
  void displacedFlag_isCarriedWhileThePathStaysManaged() throws IOException {
    Fixture f = new Fixture(root);
    Files.createDirectories(f.disk("/etc/systemd/system"));
    Files.writeString(f.disk("/etc/systemd/system/b.service"), "admin's own\n");
    f.switchTo(state(unit("b.service", "v1\n")), true);
    f.switchTo(state(unit("b.service", "v2\n")));
    f.switchTo(state(unit("x.service", "X\n")));
    assertEquals("admin's own\n", Files.readString(f.disk("/etc/systemd/system/b.service")));
  }

  @Test
  void handEditedOwnedFile_isReportedAndNotOverwritten() throws IOException {
    Fixture f = new Fixture(root);
    f.switchTo(state(unit("a.service", "A\n")));
    Files.writeString(f.disk("/etc/systemd/system/a.service"), "edited\n");

    OwnershipException expected =
        assertThrows(OwnershipException.class, () -> f.switchTo(state(unit("a.service", "A2\n"))));

    assertEquals(Conflict.Kind.HAND_EDITED, expected.conflicts().get(0).kind());
    assertTrue(
        expected.getMessage().contains("/etc/systemd/system/a.service: changed by hand"),
        expected.getMessage());
    assertEquals("edited\n", Files.readString(f.disk("/etc/systemd/system/a.service")));
  }

  @Test
  void handEditedOwnedFile_isNotDeletedWhenDropped() throws IOException {
    Fixture f = new Fixture(root);
    f.switchTo(state(unit("a.service", "A\n")));
    Files.writeString(f.disk("/etc/systemd/system/a.service"), "edited\n");
    assertThrows(OwnershipException.class, () -> f.switchTo(state(unit("b.service", "B\n"))));
    assertTrue(Files.exists(f.disk("/etc/systemd/system/a.service")));
  }

  @Test
  void handEditedOwnedFile_isOverwrittenWithForce() throws IOException {
    Fixture f = new Fixture(root);
    f.switchTo(state(unit("a.service", "A\n")));
    Files.writeString(f.disk("/etc/systemd/system/a.service"), "edited\n");
    ApplyReport r = f.switchTo(state(unit("a.service", "A2\n")), true);
    assertEquals("A2\n", Files.readString(f.disk("/etc/systemd/system/a.service")));
    assertEquals(1, r.notes().size());
  }

  @Test
  void changedMode_countsAsHandEdit() throws IOException {
    Fixture f = new Fixture(root);
    f.switchTo(state(unit("a.service", "A\n")));
    Files.setPosixFilePermissions(
        f.disk("/etc/systemd/system/a.service"), FileModes.toPermissions(0666));
    assertThrows(OwnershipException.class, () -> f.switchTo(state(unit("a.service", "A2\n"))));
  }

  @Test
  void existingBackup_blocksForcedBackup() throws IOException {
    Fixture f = new Fixture(root);
    Files.createDirectories(f.disk("/etc/systemd/system"));
    Files.writeString(f.disk("/etc/systemd/system/b.service"), "one\n");
    Files.writeString(f.disk("/etc/systemd/system/b.service.modsvc-backup"), "older\n");
    OwnershipException expected =
        assertThrows(
            OwnershipException.class, () -> f.switchTo(state(unit("b.service", "ours\n")), true));
    assertEquals(Conflict.Kind.BACKUP_EXISTS, expected.conflicts().get(0).kind());
  }

  @Test
  void removedFiles_areDeletedAndDirectoriesWeCreatedCleanedUp() throws IOException {
    Fixture f = new Fixture(root);
    f.switchTo(state(unit("a.service", "A\n"), wants("multi-user.target", "a.service")));
    f.switchTo(state(unit("b.service", "B\n")));
    assertFalse(Files.exists(f.disk("/etc/systemd/system/a.service")));
    assertFalse(Files.exists(f.disk("/etc/systemd/system/multi-user.target.wants")));
    assertTrue(Files.exists(f.disk("/etc/systemd/system/b.service")));
  }

  @Test
  void directoryWeCreated_isKeptWhenItHoldsForeignFiles() throws IOException {
    Fixture f = new Fixture(root);
    f.switchTo(state(unit("a.service", "A\n"), wants("multi-user.target", "a.service")));
    Files.writeString(f.disk("/etc/systemd/system/multi-user.target.wants/foreign.service"), "x");
    f.switchTo(state(unit("a.service", "A\n")));
    assertTrue(Files.exists(f.disk("/etc/systemd/system/multi-user.target.wants/foreign.service")));
  }

  @Test
  void preExistingDirectory_isNeverRemoved() throws IOException {
    Fixture f = new Fixture(root);
    Files.createDirectories(f.disk("/etc/systemd/system/multi-user.target.wants"));
    f.switchTo(state(unit("a.service", "A\n"), wants("multi-user.target", "a.service")));
    f.switchTo(state(unit("a.service", "A\n")));
    assertTrue(Files.isDirectory(f.disk("/etc/systemd/system/multi-user.target.wants")));
  }

  @Test
  void symlinkedParentDirectory_isRefusedEvenWithForce() throws IOException {
    Fixture f = new Fixture(root);
    Path outside = Files.createDirectory(root.resolve("outside"));
    Files.createDirectories(f.disk("/etc/system-services"));
    Files.createSymbolicLink(f.disk("/etc/system-services/app"), outside);
    OwnershipException expected =
        assertThrows(
            OwnershipException.class,
            () ->
                f.switchTo(
                    state(DesiredFile.Regular.text("/etc/system-services/app/x.conf", "x", 0644)),
                    true));
    assertEquals(Conflict.Kind.NOT_A_DIRECTORY, expected.conflicts().get(0).kind());
    try (var s = Files.list(outside)) {
      assertEquals(0, s.count());
    }
  }

  @Test
  void pathOutsideManagedDirectories_isRejected() {
    Fixture f = new Fixture(root);
    assertThrows(
        IllegalArgumentException.class,
        () -> f.switchTo(state(DesiredFile.Regular.text("/etc/passwd", "x", 0644))));
    assertFalse(Files.exists(f.disk("/etc/passwd")));
  }

  @Test
  void deletedOwnedFile_isWrittenAgainBySameConfiguration() throws IOException {
    Fixture f = new Fixture(root);
    f.switchTo(state(unit("a.service", "A\n")));
    Files.delete(f.disk("/etc/systemd/system/a.service"));
    f.switchTo(state(unit("a.service", "A\n")));
    assertEquals("A\n", Files.readString(f.disk("/etc/systemd/system/a.service")));
    assertEquals(1, f.switcher.generations().list().size());
  }
}
