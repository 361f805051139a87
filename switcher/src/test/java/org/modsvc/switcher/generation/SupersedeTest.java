package org.modsvc.switcher.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.modsvc.switcher.generation.Fixture.state;
import static org.modsvc.switcher.generation.Fixture.unit;
import static org.modsvc.switcher.generation.Fixture.wants;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modsvc.switcher.fs.ContentHash;
import org.modsvc.switcher.fs.HostPath;

/**
 * A pending switch whose files were not all written must not wedge later runs: a newer
 * configuration supersedes it, planning from every generation whose files may be on disk, so the
 * result converges and nothing it wrote is left behind as someone else's file.
 */
class SupersedeTest {

  @TempDir Path tmp;

  private static final String LONG = "l".repeat(240) + ".service";

  /**
   * Generation 1, then a generation 2 an older agent wrote with a name no file system takes, half
   * applied.
   */
  private static Fixture wedged(Path root) throws IOException {
    Fixture f = new Fixture(root);
    f.switchTo(state(unit("a.service", "A1\n"), unit("keep.service", "K\n")));
    Map<HostPath, byte[]> contents = new HashMap<>();
    TreeMap<HostPath, ManifestEntry> entries = new TreeMap<>();
    for (String[] u :
        new String[][] {{"a.service", "A2\n"}, {"b.service", "B\n"}, {"keep.service", "K\n"}}) {
      HostPath p = HostPath.of(Fixture.UNITS + u[0]);
      byte[] bytes = u[1].getBytes(StandardCharsets.UTF_8);
      contents.put(p, bytes);
      entries.put(p, new ManifestEntry.File(0644, ContentHash.sha256Hex(bytes), false));
    }
    entries.put(
        HostPath.of(Fixture.UNITS + "multi-user.target.wants/" + LONG),
        new ManifestEntry.Link("../" + LONG, false));
    Manifest two =
        new Manifest(
            2,
            Instant.parse("2026-11-21T10:00:00Z"),
            Map.of(),
            entries,
            new TreeSet<>(),
            new TreeSet<>(List.of(HostPath.of(Fixture.UNITS + "multi-user.target.wants"))));
    f.switcher.generations().create(two, contents);
    f.switcher.pending().begin(2, 1, PendingSwitch.FILES_ONLY);
    // what its interrupted file phase had done: b.service and the new a.service written, the .wants
    // dir made
    Files.writeString(f.disk(Fixture.UNITS + "b.service"), "B\n");
    Files.writeString(f.disk(Fixture.UNITS + "a.service"), "A2\n");
    Files.createDirectories(f.disk(Fixture.UNITS + "multi-user.target.wants"));
    return f;
  }

  private static DesiredState corrected() {
    return state(
        unit("a.service", "A3\n"),
        unit("c.service", "C\n"),
        wants("multi-user.target", "c.service"));
  }

  /**
   * Every entry below the unit directory, which must be exactly what {@code manifest} lists (and
   * its directories).
   */
  private static void assertUnitDirIsExactly(Fixture f, Manifest manifest) throws IOException {
    Map<String, String> onDisk = new TreeMap<>(TreeSnapshot.of(f.disk("/etc/systemd/system")));
    onDisk.keySet().removeIf(k -> k.endsWith("/"));
    List<String> listed = new ArrayList<>();
    manifest
        .entries()
        .keySet()
        .forEach(p -> listed.add(p.relativeTo(HostPath.of("/etc/systemd/system"))));
    assertEquals(listed, new ArrayList<>(onDisk.keySet()), "files in the unit directory");
    try (var s = Files.walk(f.disk("/etc/systemd/system"))) {
      s.filter(Files::isDirectory)
          .map(d -> f.root.relativize(d).toString())
          .forEach(
              d ->
                  assertTrue(
                      d.equals("etc/systemd/system")
                          || manifest.createdDirs().contains(HostPath.of("/" + d)),
                      d + " is a directory nobody owns"));
    }
  }

  @Test
  void pendingGenerationThatCanNeverBeApplied_isSupersededByTheCorrectedConfiguration()
      throws IOException {
    Fixture f = wedged(tmp);
    f.switchTo(corrected());
    Manifest now = f.switcher.generations().currentManifest();
    assertEquals(3, now.generation());
    assertTrue(f.switcher.pending().load().isEmpty());
    assertEquals("A3\n", Files.readString(f.disk(Fixture.UNITS + "a.service")));
    assertFalse(
        Files.exists(f.disk(Fixture.UNITS + "b.service")),
        "generation 2's half-written file is removed");
    assertFalse(Files.exists(f.disk(Fixture.UNITS + "keep.service")));
    assertUnitDirIsExactly(f, now);
    // and the next switch finds every file its own: nothing "not managed by modsvc"
    f.switchTo(state(unit("d.service", "D\n")));
    assertUnitDirIsExactly(f, f.switcher.generations().currentManifest());
  }

  @Test
  void theSameConfigurationAsThePendingOne_finishesIt() throws IOException {
    Fixture f = new Fixture(tmp);
    f.switchTo(state(unit("a.service", "A1\n")));
    DesiredState second = state(unit("a.service", "A2\n"), unit("b.service", "B\n"));
    Fixture crashing =
        new Fixture(
            tmp,
            step -> {
              if (step.equals("write /etc/systemd/system/a.service")) {
                throw new CrashResumeTest.SimulatedCrash(step);
              }
            });
    assertThrows(CrashResumeTest.SimulatedCrash.class, () -> crashing.switchTo(second));
    f.switchTo(second);
    assertEquals(
        2,
        f.switcher.generations().current().getAsInt(),
        "finished, not replaced by a generation 3");
    assertEquals(List.of(1, 2), f.switcher.generations().list());
  }

  /**
   * A superseding switch killed after any of its steps, then yet another configuration: still
   * converges.
   */
  @Test
  void supersedingSwitchKilledAtAnyStep_thenAnotherConfiguration_converges() throws IOException {
    List<String> steps = new ArrayList<>();
    Fixture recording =
        new Fixture(wedged(Files.createDirectory(tmp.resolve("reference"))).root, steps::add);
    recording.switchTo(corrected());
    assertTrue(steps.size() >= 8, "too few steps to be a meaningful test: " + steps);
    DesiredState fourth =
        state(
            unit("a.service", "A4\n"),
            unit("e.service", "E\n"),
            wants("timers.target", "e.service"));
    for (int i = 0; i < steps.size(); i++) {
      String crashAt = steps.get(i);
      Path root = Files.createDirectory(tmp.resolve("crash" + i));
      wedged(root);
      Fixture crashing =
          new Fixture(
              root,
              step -> {
                if (step.equals(crashAt)) {
                  throw new CrashResumeTest.SimulatedCrash(step);
                }
              });
      assertThrows(
          CrashResumeTest.SimulatedCrash.class, () -> crashing.switchTo(corrected()), crashAt);
      Fixture next = new Fixture(root);
      next.switchTo(fourth);
      Manifest now = next.switcher.generations().currentManifest();
      assertEquals("A4\n", Files.readString(next.disk(Fixture.UNITS + "a.service")), crashAt);
      assertUnitDirIsExactly(next, now);
      assertTrue(next.switcher.pending().load().isEmpty(), crashAt);
    }
  }

  @Test
  void nameTooLong_isRefusedBeforeAnythingIsWritten() throws IOException {
    Fixture f = new Fixture(tmp);
    f.switchTo(state(unit("a.service", "A1\n")));
    GenerationException e =
        assertThrows(
            GenerationException.class,
            () -> f.switchTo(state(unit("a.service", "A2\n"), unit(LONG, "L\n"))));
    assertTrue(e.getMessage().contains("cannot write /etc/systemd/system/" + LONG), e.getMessage());
    assertEquals(List.of(1), f.switcher.generations().list(), "no generation was written");
    assertTrue(f.switcher.pending().load().isEmpty());
    assertEquals("A1\n", Files.readString(f.disk(Fixture.UNITS + "a.service")));
  }
}
