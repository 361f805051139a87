package org.modsvc.agent.control;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.modsvc.agent.metrics.AgentMetrics;
import org.modsvc.switcher.fs.HostPath;
import org.modsvc.switcher.generation.Generations;
import org.modsvc.switcher.generation.Layout;
import org.modsvc.switcher.generation.Manifest;
import org.modsvc.switcher.generation.ManifestEntry;
import org.modsvc.switcher.generation.PendingJournal;
import org.modsvc.switcher.generation.PendingSwitch;
import org.modsvc.switcher.plan.Phase;
import org.modsvc.switcher.unit.UnitName;

/**
 * What the state directory says when no agent answers: the current generation and its units, and an
 * interrupted switch if one is recorded. Read only; the same readers as {@code modsvc-agent
 * generations}.
 *
 * @param why why no agent answered (the client's words)
 * @param units the current generation's unit files, sorted (empty without a generation)
 */
public record StateDirectoryStatus(
    Layout.Mode mode,
    String why,
    HostPath stateDir,
    OptionalInt generation,
    Optional<Instant> created,
    List<String> units,
    Optional<PendingSwitch> pending) {

  /** Exit status of {@code status} without an agent: 3 when there is nothing at all, else 0. */
  public static final int NOTHING = 3;

  public StateDirectoryStatus {
    units = List.copyOf(units);
  }

  /**
   * Reads {@code layout}'s state directory. Damaged state is an {@link IOException} naming the
   * file.
   */
  public static StateDirectoryStatus read(Layout layout, String why) throws IOException {
    Generations generations = new Generations(layout);
    OptionalInt current = generations.current();
    List<String> units = new ArrayList<>();
    Optional<Instant> created = Optional.empty();
    if (current.isPresent()) {
      Manifest m = generations.read(current.getAsInt());
      created = Optional.of(m.created());
      m.entries()
          .forEach(
              (path, entry) -> {
                if (entry instanceof ManifestEntry.File
                    && path.isBelow(layout.unitDir())
                    && path.parent().equals(layout.unitDir())
                    && UnitName.isValid(path.name())) {
                  units.add(path.name());
                }
              });
    }
    units.sort(null);
    Optional<PendingSwitch> pending = new PendingJournal(layout, Clock.systemUTC()).load();
    return new StateDirectoryStatus(
        layout.mode(), why, layout.stateDir(), current, created, units, pending);
  }

  public int exitCode() {
    return generation.isEmpty() && pending.isEmpty() ? NOTHING : 0;
  }

  /** The human report: that no agent runs, then what the state directory holds. */
  public String render() {
    StringBuilder sb = new StringBuilder(why).append('\n');
    if (generation.isEmpty()) {
      sb.append("no generation in ").append(stateDir).append(" (nothing was switched yet)\n");
    } else {
      sb.append("generation ")
          .append(generation.getAsInt())
          .append(" (current, created ")
          .append(created.map(Instant::toString).orElse("?"))
          .append("): ")
          .append(units.size())
          .append(units.size() == 1 ? " unit" : " units")
          .append(units.isEmpty() ? "" : ": " + shortList(units))
          .append('\n');
    }
    pending.ifPresent(
        p ->
            sb.append("an interrupted switch to generation ")
                .append(p.generation())
                .append(" (from ")
                .append(
                    p.previousGeneration() == 0 ? "none" : "generation " + p.previousGeneration())
                .append(") is pending since ")
                .append(p.started())
                .append(", phases done: ")
                .append(
                    p.done().isEmpty()
                        ? "none"
                        : p.done().stream()
                            .sorted()
                            .map(Phase::label)
                            .collect(java.util.stream.Collectors.joining(", ")))
                .append("; the next switch or agent start completes it\n"));
    return sb.toString();
  }

  /** For {@code status --json}: {@code daemon: false} tells a tool that no agent answered. */
  public Map<String, Object> toData() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("daemon", false);
    m.put("mode", mode.name().toLowerCase(java.util.Locale.ROOT));
    m.put("message", why);
    m.put("stateDir", stateDir.toString());
    m.put("generation", generation.isPresent() ? generation.getAsInt() : null);
    m.put("created", created.map(Instant::toString).orElse(null));
    m.put("managedUnits", units.size());
    m.put("units", units);
    m.put(
        "pending",
        pending
            .map(
                p -> {
                  Map<String, Object> o = new LinkedHashMap<>();
                  o.put("generation", p.generation());
                  o.put("previousGeneration", p.previousGeneration());
                  o.put("started", p.started().toString());
                  o.put("done", p.done().stream().sorted().map(Phase::label).toList());
                  return (Object) o;
                })
            .orElse(null));
    return m;
  }

  /**
   * For {@code status --prometheus}: the generation and its unit count as the daemon would report
   * them, after a comment saying no agent runs; the daemon's own figures (switches, durations,
   * failed units) stay at their start values, which is what an agent that is not running has
   * counted.
   */
  public String toMetrics() {
    AgentMetrics metrics = new AgentMetrics();
    metrics.generation(generation.orElse(0));
    metrics.managedUnits(units.size());
    return "# "
        + why
        + "; generation and managed units read from "
        + stateDir
        + "\n"
        + metrics.scrape();
  }

  private static String shortList(List<String> names) {
    int shown = Math.min(names.size(), 10);
    String head = String.join(", ", names.subList(0, shown));
    return shown == names.size() ? head : head + " … and " + (names.size() - shown) + " more";
  }
}
