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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * State the agent keeps, damaged by hand or by the disk: a plain error or a recovery, never a crash
 * or a wedge.
 */
class DamagedStateTest {

  @TempDir Path root;

  private static DesiredState two() {
    return state(
        unit("a.service", "A2\n"),
        unit("b.service", "B\n"),
        wants("multi-user.target", "b.service"));
  }

  @Test
  void deletedCurrentLink_isRecoveredFromTheNewestGenerationTheDiskHolds() throws IOException {
    Fixture f = new Fixture(root);
    f.switchTo(state(unit("a.service", "A1\n")));
    f.switchTo(two());
    Files.delete(f.disk("/var/lib/modsvc/generations/current"));
    assertEquals(2, f.switcher.generations().current().getAsInt());
    // owned files stay owned: the next switch changes and removes them instead of refusing them as
    // foreign
    f.switchTo(state(unit("a.service", "A3\n")));
    assertEquals(3, f.switcher.generations().current().getAsInt());
    assertEquals(
        "3", Files.readSymbolicLink(f.disk("/var/lib/modsvc/generations/current")).toString());
    assertTrue(Files.notExists(f.disk("/etc/systemd/system/b.service")));
  }

  @Test
  void deletedCurrentLink_withAnUnappliedNewerGeneration_picksTheOneOnDisk() throws IOException {
    Fixture f = new Fixture(root);
    f.switchTo(two());
    try (SwitchLock lock = f.switcher.lock()) {
      f.switcher.prepare(
          lock, state(unit("a.service", "never applied\n")), false); // generation 2, never live
    }
    Files.delete(f.disk("/var/lib/modsvc/generations/current"));
    assertEquals(1, f.switcher.generations().current().getAsInt());
  }

  @Test
  void deletedCurrentLink_sameConfigurationAgain_putsTheLinkBack() throws IOException {
    Fixture f = new Fixture(root);
    f.switchTo(two());
    Files.delete(f.disk("/var/lib/modsvc/generations/current"));
    f.switchTo(two());
    assertEquals(
        "1", Files.readSymbolicLink(f.disk("/var/lib/modsvc/generations/current")).toString());
    assertEquals(List.of(1), f.switcher.generations().list());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "{",
        "\u0000\u0001garbage",
        "[[[[[[[[",
        "{\"version\": 1}",
        "null",
        "DEEP",
        "NOT-UTF8"
      })
  void corruptManifest_isAPlainErrorNamingIt(String content) throws IOException {
    Fixture f = new Fixture(root);
    f.switchTo(two());
    f.switchTo(state(unit("a.service", "A3\n")));
    Path manifest = f.switcher.generations().dirOf(1).resolve("manifest.json");
    if (content.equals("DEEP")) {
      Files.writeString(manifest, "[".repeat(1_000_000));
    } else if (content.equals("NOT-UTF8")) {
      Files.write(manifest, new byte[] {'{', (byte) 0xff, (byte) 0xfe, '}'});
    } else {
      Files.writeString(manifest, content);
    }
    GenerationException e =
        assertThrows(GenerationException.class, () -> f.switcher.generations().read(1));
    assertTrue(e.getMessage().startsWith(manifest + ": invalid manifest: "), e.getMessage());
  }
}
