package org.modsvc.switcher.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modsvc.switcher.plan.ExtraWork;
import org.modsvc.switcher.plan.Phase;
import org.modsvc.switcher.plan.PhasePlan;
import org.modsvc.switcher.unit.UnitName;

/** The pending record in the switch's own vocabulary, and its file as earlier agents wrote it. */
class PendingSwitchTest {
  @TempDir Path tmp;

  private static List<UnitName> names(String... names) {
    return java.util.Arrays.stream(names).map(UnitName::of).toList();
  }

  /** A record exactly as the agent before the typed journal wrote it, stop phase done. */
  private static final String PREVIOUS_FORMAT =
      """
            {
              "generation": 2,
              "previousGeneration": 1,
              "started": "2026-11-21T10:00:00Z",
              "phases": {
                "stop": ["a.service", "old.service"],
                "files": [],
                "reload": ["r.service"],
                "restart": [],
                "start": ["a.service", "new@x.service"]
              },
              "done": ["files", "stop"]
            }
            """;

  private PendingJournal journal() {
    return new PendingJournal(
        Layout.system(tmp.resolve("root")),
        Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC));
  }

  private Path pendingFile() throws IOException {
    Layout layout = Layout.system(tmp.resolve("root"));
    return layout.onDisk(layout.pendingFile());
  }

  @Test
  void supersededWork_keepsOnlyUnitsTheNewConfigurationHas() {
    Map<Phase, List<UnitName>> phases = new LinkedHashMap<>();
    phases.put(Phase.STOP, names("a.service"));
    phases.put(Phase.FILES, List.of());
    phases.put(Phase.RELOAD, names("r.service", "dropped-r.service"));
    phases.put(Phase.RESTART, List.of());
    phases.put(Phase.START, names("a.service", "dropped.service"));
    PendingSwitch p = new PendingSwitch(2, 1, phases, Set.of(Phase.STOP), Instant.EPOCH);
    ExtraWork w =
        ExtraWork.resumed(p.unfinishedWork())
            .keepingOnly(Set.copyOf(names("a.service", "r.service")));
    assertEquals(Set.copyOf(names("a.service")), w.resumedStarts());
    assertEquals(Set.copyOf(names("r.service")), w.resumedReloads());
    assertEquals(
        Set.copyOf(names("a.service", "dropped.service")),
        ExtraWork.resumed(p.unfinishedWork()).resumedStarts(),
        "finishing it keeps them all");
  }

  @Test
  void aRecordInThePreviousFormat_isResumed() throws IOException {
    Path file = pendingFile();
    Files.createDirectories(file.getParent());
    Files.writeString(file, PREVIOUS_FORMAT, StandardCharsets.UTF_8);

    PendingSwitch p = journal().load().orElseThrow();

    assertEquals(2, p.generation());
    assertEquals(Set.of(Phase.STOP, Phase.FILES), p.done());
    assertEquals(Phase.RELOAD, p.nextPhase().orElseThrow());
    PhasePlan left = p.unfinishedWork();
    assertEquals(List.of(), left.stop(), "the stop phase is done");
    assertEquals(names("r.service"), left.reload());
    assertEquals(names("a.service", "new@x.service"), left.start());
    assertTrue(left.daemonReload(), "a resumed switch always re-reads the unit files");
  }

  @Test
  void theRecordIsWrittenInTheSameFormat() throws IOException {
    PhasePlan plan =
        new PhasePlan(
            names("a.service", "old.service"),
            names("r.service"),
            List.of(),
            names("a.service", "new@x.service"),
            List.of(),
            true);
    PendingJournal journal = journal();
    journal.begin(2, 1, plan.journaled());
    journal.markDone(Phase.STOP);
    journal.markDone(Phase.FILES);

    String written = Files.readString(pendingFile(), StandardCharsets.UTF_8);

    assertEquals(PREVIOUS_FORMAT, written, "byte for byte what the previous agent wrote");
  }

  @Test
  void aRecordNamingAnInvalidUnit_isRefusedAsInvalid() throws IOException {
    Path file = pendingFile();
    Files.createDirectories(file.getParent());
    Files.writeString(
        file, PREVIOUS_FORMAT.replace("r.service", "../r.service"), StandardCharsets.UTF_8);

    GenerationException e = assertThrows(GenerationException.class, () -> journal().load());

    assertTrue(e.getMessage().contains("invalid pending record"), e.getMessage());
  }
}
