package org.modsvc.switcher.generation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.modsvc.nix.format.JsonException;
import org.modsvc.nix.format.JsonParser;
import org.modsvc.nix.format.JsonWriter;
import org.modsvc.switcher.fs.AtomicFiles;
import org.modsvc.switcher.plan.Phase;
import org.modsvc.switcher.unit.UnitName;

/**
 * Reads and writes {@code pending.json} (atomically; in the state directory rather than {@code
 * /run}, since the files of a half-applied switch survive a reboot too). Written before anything
 * changes, updated after each phase, deleted when the switch is complete; a run that finds it
 * finishes that switch first.
 *
 * <p>The format is the one earlier agents wrote, so their records are resumed: {@code phases} maps
 * each phase's label ({@link Phase#label()}) to its unit names in execution order, {@code done}
 * lists labels (sorted), and {@code superseded} may be absent. Reading is where the names become
 * {@link Phase}s and {@link UnitName}s again: a record with a name that is neither is refused as
 * invalid, never half-used.
 */
public final class PendingJournal {

  private final Layout layout;
  private final Clock clock;

  public PendingJournal(Layout layout, Clock clock) {
    this.layout = layout;
    this.clock = clock;
  }

  /** Resolved on each use: the state directory may be created (or replaced) between two calls. */
  private Path file() throws IOException {
    return layout.onDisk(layout.pendingFile());
  }

  /** Records a new switch; refuses while another one is unfinished. */
  public PendingSwitch begin(
      int generation, int previousGeneration, Map<Phase, List<UnitName>> phases)
      throws IOException {
    Optional<PendingSwitch> open = load();
    if (open.isPresent()) {
      throw new GenerationException(
          "an interrupted switch to generation "
              + open.get().generation()
              + " is unfinished ("
              + file()
              + "); complete it before starting another");
    }
    PendingSwitch p =
        new PendingSwitch(
            generation, previousGeneration, phases, java.util.Set.of(), clock.instant());
    save(p);
    return p;
  }

  /**
   * Replaces an interrupted switch whose files were not all written by a switch to {@code
   * generation} (a newer configuration), in one atomic write: the old generation's files stay ours
   * through the new record.
   */
  public PendingSwitch supersede(
      PendingSwitch old, int generation, Map<Phase, List<UnitName>> phases) throws IOException {
    if (old.isDone(Phase.FILES)) {
      throw new GenerationException(
          "the switch to generation "
              + old.generation()
              + " has written its files; finish it instead of replacing it");
    }
    List<Integer> superseded = new ArrayList<>(old.superseded());
    superseded.add(old.generation());
    PendingSwitch p =
        new PendingSwitch(
            generation,
            old.previousGeneration(),
            phases,
            java.util.Set.of(),
            clock.instant(),
            superseded);
    save(p);
    return p;
  }

  public PendingSwitch markDone(Phase phase) throws IOException {
    return markDone(java.util.EnumSet.of(phase));
  }

  /**
   * Marks {@code phases} done in one write: when the executor moves past several phases at once (an
   * empty restart phase before the start phase), a crash between two writes would leave a state
   * that one write also leaves, or the one before it.
   */
  public PendingSwitch markDone(java.util.Set<Phase> phases) throws IOException {
    PendingSwitch p =
        load()
            .orElseThrow(
                () ->
                    new GenerationException("no switch is pending (" + layout.pendingFile() + ")"));
    PendingSwitch next = p;
    for (Phase phase : phases) {
      next = next.withDone(phase);
    }
    save(next);
    return next;
  }

  public Optional<PendingSwitch> load() throws IOException {
    Path file = file();
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    try {
      Map<String, Object> top = ManifestJson.object(JsonParser.parse(text), "top level");
      Map<Phase, List<UnitName>> phases = new LinkedHashMap<>();
      ManifestJson.object(top.get("phases"), "phases")
          .forEach(
              (k, v) -> {
                List<UnitName> units = new ArrayList<>();
                ManifestJson.list(v, "phases." + k)
                    .forEach(u -> units.add(UnitName.of(ManifestJson.string(u, "phases." + k))));
                phases.put(phase(k), units);
              });
      java.util.Set<Phase> done = new java.util.HashSet<>();
      ManifestJson.list(top.get("done"), "done")
          .forEach(d -> done.add(phase(ManifestJson.string(d, "done"))));
      List<Integer> superseded = new ArrayList<>();
      if (top.containsKey("superseded")) { // absent in records of older agents
        ManifestJson.list(top.get("superseded"), "superseded")
            .forEach(g -> superseded.add(Math.toIntExact(ManifestJson.number(g, "superseded"))));
      }
      return Optional.of(
          new PendingSwitch(
              Math.toIntExact(ManifestJson.number(top.get("generation"), "generation")),
              Math.toIntExact(
                  ManifestJson.number(top.get("previousGeneration"), "previousGeneration")),
              phases,
              done,
              Instant.parse(ManifestJson.string(top.get("started"), "started")),
              superseded));
    } catch (JsonException
        | IllegalArgumentException
        | ArithmeticException
        | java.time.DateTimeException e) {
      throw new GenerationException(file + ": invalid pending record: " + e.getMessage(), e);
    }
  }

  private static Phase phase(String label) {
    return Phase.ofLabel(label)
        .orElseThrow(() -> new IllegalArgumentException("unknown phase '" + label + "'"));
  }

  /** The switch is complete (or abandoned by a person): forget it. */
  public void clear() throws IOException {
    AtomicFiles.delete(file());
  }

  private void save(PendingSwitch p) throws IOException {
    StringBuilder sb =
        new StringBuilder("{\n  \"generation\": ")
            .append(p.generation())
            .append(",\n  \"previousGeneration\": ")
            .append(p.previousGeneration())
            .append(",\n  \"started\": ")
            .append(JsonWriter.quote(p.started().toString()))
            .append(",\n  \"phases\": {");
    String sep = "\n    ";
    for (Map.Entry<Phase, List<UnitName>> e : p.phases().entrySet()) {
      sb.append(sep).append(JsonWriter.quote(e.getKey().label())).append(": ");
      list(e.getValue().stream().map(UnitName::value).toList(), sb);
      sep = ",\n    ";
    }
    sb.append("\n  },\n  \"done\": ");
    list(new ArrayList<>(new TreeSet<>(p.done().stream().map(Phase::label).toList())), sb);
    if (!p.superseded().isEmpty()) {
      sb.append(",\n  \"superseded\": ");
      sb.append(
          p.superseded().stream()
              .map(String::valueOf)
              .collect(java.util.stream.Collectors.joining(", ", "[", "]")));
    }
    sb.append("\n}\n");
    Path file = file();
    Files.createDirectories(file.getParent());
    AtomicFiles.writeFile(file, sb.toString().getBytes(StandardCharsets.UTF_8), 0644);
  }

  private static void list(List<String> items, StringBuilder sb) {
    sb.append('[');
    for (int i = 0; i < items.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(JsonWriter.quote(items.get(i)));
    }
    sb.append(']');
  }
}
