package org.modsvc.switcher.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.modsvc.switcher.fs.HostPath;

class LayoutTest {

  @Test
  void systemMode_usesDecisionsPathsUnderRoot() throws java.io.IOException {
    Layout l = Layout.system(Path.of("/tmp/img"));
    assertEquals(Path.of("/tmp/img/etc/systemd/system"), l.onDisk(l.unitDir()));
    assertEquals(HostPath.of("/var/lib/modsvc/store"), l.storeDir());
    assertEquals(HostPath.of("/var/lib/modsvc/generations/current"), l.currentLink());
    assertEquals(HostPath.of("/run/modsvc/lock"), l.lockFile());
    assertEquals(HostPath.of("/etc/system-services"), l.configDataDir());
  }

  @Test
  void userMode_fallsBackToHomeWhenXdgUnset() {
    Layout l = Layout.user(Path.of("/"), Map.of("HOME", "/home/ann"), 1000);
    assertEquals(HostPath.of("/home/ann/.config/systemd/user"), l.unitDir());
    assertEquals(HostPath.of("/home/ann/.config/home-services"), l.configDataDir());
    assertEquals(HostPath.of("/home/ann/.local/state/modsvc/store"), l.storeDir());
    assertEquals(HostPath.of("/run/user/1000/modsvc/lock"), l.lockFile());
  }

  @Test
  void userMode_honoursAbsoluteXdgAndIgnoresRelative() {
    Layout l =
        Layout.user(
            Path.of("/"),
            Map.of(
                "HOME",
                "/home/ann",
                "XDG_CONFIG_HOME",
                "/cfg/",
                "XDG_STATE_HOME",
                "state",
                "XDG_RUNTIME_DIR",
                "/run/user/7"),
            1000);
    assertEquals(HostPath.of("/cfg/systemd/user"), l.unitDir());
    assertEquals(HostPath.of("/home/ann/.local/state/modsvc/generations"), l.generationsDir());
    assertEquals(HostPath.of("/run/user/7/modsvc/lock"), l.lockFile());
  }

  @Test
  void userMode_withoutHome_isAnError() {
    assertThrows(IllegalArgumentException.class, () -> Layout.user(Path.of("/"), Map.of(), 1000));
  }

  @Test
  void managedDirOf_rejectsPathOutsideManagedDirectories() {
    Layout l = Layout.system(Path.of("/"));
    IllegalArgumentException expected =
        assertThrows(
            IllegalArgumentException.class, () -> l.managedDirOf(HostPath.of("/etc/passwd")));
    assertEquals(
        "refusing to manage /etc/passwd: it is outside /etc/systemd/system and /etc/system-services",
        expected.getMessage());
  }

  @Test
  void emptyRoot_isRefusedRatherThanMeaningTheWorkingDirectory() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Layout.system(Path.of("")));
    assertEquals("--root needs a directory, found an empty string", e.getMessage());
  }
}
