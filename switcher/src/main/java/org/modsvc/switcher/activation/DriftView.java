package org.modsvc.switcher.activation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.modsvc.switcher.fs.HostPath;
import org.modsvc.switcher.fs.LiveEntry;
import org.modsvc.switcher.generation.DesiredFile;
import org.modsvc.switcher.generation.DesiredState;
import org.modsvc.switcher.generation.GenerationSwitcher;
import org.modsvc.switcher.generation.OwnedDrift;
import org.modsvc.switcher.unit.UnitFile;
import org.modsvc.switcher.unit.UnitFileException;
import org.modsvc.switcher.unit.UnitFileParser;
import org.modsvc.switcher.unit.UnitName;

/**
 * The current generation's files as the live tree holds them after drift (docs/decisions.md §12),
 * so that a switch that writes them back restarts and reloads exactly as a switch that changed
 * those files would.
 *
 * <ul>
 *   <li>{@link #live()}: the generation with each drifted path as it is now (gone, or the
 *       hand-edited bytes or link): what {@code diff} shows the repair against.
 *   <li>{@link #planning()}: the old side of the plan. A hand-edited unit file or drop-in that
 *       still parses is compared as it is, so the planner's rules judge the edit; a missing,
 *       replaced or unreadable unit file counts as a change to its unit's {@code [Unit]
 *       X-Restart-Triggers} (systemd may be running another definition of it now: restart per the
 *       {@code X-*} rules); a missing drop-in, wants link or mask is missing; a config data link
 *       counts as a change to the {@code X-Reload-Triggers} or {@code X-Restart-Triggers} of every
 *       unit whose trigger list names its content, which is what a real change of that config data
 *       changes.
 * </ul>
 *
 * Reads only: the generation's stored files, the drifted paths (a regular file without following a
 * link, at most 1 MiB) and the trigger lists in the store.
 */
final class DriftView {
  /**
   * The most of a hand-edited unit file that is read to compare it; a larger one counts as
   * unreadable.
   */
  static final int LIVE_LIMIT = 1 << 20;

  /**
   * The value the planning side adds to a trigger key; its prefix keeps it from naming any real
   * store path.
   */
  static final String MARKER = "modsvc-restored:";

  private final DesiredState live;
  private final DesiredState planning;
  private final List<Drifted> drifted;

  private DriftView(DesiredState live, DesiredState planning, List<Drifted> drifted) {
    this.live = live;
    this.planning = planning;
    this.drifted = List.copyOf(drifted);
  }

  DesiredState live() {
    return live;
  }

  DesiredState planning() {
    return planning;
  }

  List<Drifted> drifted() {
    return drifted;
  }

  /** No drift: both sides are the generation itself. */
  static DriftView none(DesiredState generation) {
    return new DriftView(generation, generation, List.of());
  }

  /** {@code generation}'s files with {@code drift} (its paths that differ on disk) applied. */
  static DriftView of(
      GenerationSwitcher generations, DesiredState generation, List<OwnedDrift> drift)
      throws IOException {
    if (drift.isEmpty()) {
      return none(generation);
    }
    HostPath unitDir = generations.layout().unitDir();
    Map<HostPath, DesiredFile> live = new TreeMap<>(generation.files());
    Map<HostPath, DesiredFile> planning = new TreeMap<>(generation.files());
    Map<String, Set<String>> markers = new TreeMap<>();
    Triggers triggers = new Triggers(generations, generation, unitDir);
    List<Drifted> drifted = new ArrayList<>();
    for (OwnedDrift d : drift) {
      HostPath path = d.path();
      Optional<byte[]> bytes =
          d.live() instanceof LiveEntry.RegularFile
              ? generations.liveBytes(path, LIVE_LIMIT)
              : Optional.empty();
      DesiredFile now = liveFile(path, d.live(), bytes).orElse(null);
      put(live, path, now);
      Optional<String> unit = Optional.empty();
      if (path.isBelow(unitDir)) {
        String[] parts = path.relativeTo(unitDir).split("/");
        DesiredFile ours = generation.files().get(path);
        if (parts.length == 1
            && ours instanceof DesiredFile.Regular
            && UnitName.isValid(parts[0])) {
          unit = Optional.of(parts[0]);
          boolean comparable =
              d.kind() == OwnedDrift.Kind.ALTERED && bytes.isPresent() && parses(path, bytes.get());
          if (comparable) {
            planning.put(path, now);
          } else {
            markers
                .computeIfAbsent(parts[0], u -> new LinkedHashSet<>())
                .add("X-Restart-Triggers=" + MARKER + path);
          }
        } else {
          unit = unitOf(parts, ours);
          boolean parsedDropIn =
              parts.length == 2
                  && parts[0].endsWith(".d")
                  && bytes.isPresent()
                  && parses(path, bytes.get());
          put(planning, path, parsedDropIn || !(now instanceof DesiredFile.Regular) ? now : null);
        }
      } else if (generation.files().get(path) instanceof DesiredFile.Symlink link) {
        for (Map.Entry<String, String> hit : triggers.naming(link.target()).entrySet()) {
          unit = unit.isPresent() ? unit : Optional.of(hit.getKey());
          markers
              .computeIfAbsent(hit.getKey(), u -> new LinkedHashSet<>())
              .add(hit.getValue() + "=" + MARKER + path);
        }
      }
      drifted.add(new Drifted(path.value(), Drifted.Kind.of(d.kind()), unit));
    }
    markers.forEach(
        (unit, lines) -> {
          HostPath file = unitDir.resolve(unit);
          if (planning.get(file) instanceof DesiredFile.Regular r) {
            String text = new String(r.bytes(), StandardCharsets.UTF_8);
            String marked =
                text
                    + (text.endsWith("\n") ? "" : "\n")
                    + "[Unit]\n"
                    + String.join("\n", lines)
                    + "\n";
            planning.put(
                file,
                new DesiredFile.Regular(file, marked.getBytes(StandardCharsets.UTF_8), r.mode()));
          }
        });
    return new DriftView(
        new DesiredState(live, generation.storeRoots(), generation.metadata()),
        new DesiredState(planning, generation.storeRoots(), generation.metadata()),
        drifted);
  }

  private static void put(Map<HostPath, DesiredFile> files, HostPath path, DesiredFile file) {
    if (file == null) {
      files.remove(path);
    } else {
      files.put(path, file);
    }
  }

  /**
   * What is at {@code path} now as a file of a state; empty for nothing, a directory or an
   * unreadable file.
   */
  private static Optional<DesiredFile> liveFile(
      HostPath path, LiveEntry entry, Optional<byte[]> bytes) {
    if (entry instanceof LiveEntry.Symlink s
        && !s.target().isEmpty()
        && s.target().indexOf('\n') < 0) {
      return Optional.of(new DesiredFile.Symlink(path, s.target()));
    }
    if (entry instanceof LiveEntry.RegularFile r && bytes.isPresent()) {
      return Optional.of(new DesiredFile.Regular(path, bytes.get(), r.mode() & 0777));
    }
    return Optional.empty();
  }

  private static boolean parses(HostPath path, byte[] bytes) {
    try {
      UnitFileParser.parse(path.value(), new String(bytes, StandardCharsets.UTF_8));
      return true;
    } catch (UnitFileException e) {
      return false;
    }
  }

  /** The unit a drop-in, wants/requires link, mask or alias in the unit directory belongs to. */
  private static Optional<String> unitOf(String[] parts, DesiredFile ours) {
    if (parts.length == 1) {
      if (ours instanceof DesiredFile.Symlink link && !link.target().equals("/dev/null")) {
        String target = link.target().substring(link.target().lastIndexOf('/') + 1);
        return UnitName.isValid(target) ? Optional.of(target) : Optional.empty();
      }
      return UnitName.isValid(parts[0]) ? Optional.of(parts[0]) : Optional.empty();
    }
    if (parts.length == 2 && parts[0].endsWith(".d")) {
      String owner = parts[0].substring(0, parts[0].length() - 2);
      return UnitName.isValid(owner) ? Optional.of(owner) : Optional.empty();
    }
    if (parts.length == 2 && (parts[0].endsWith(".wants") || parts[0].endsWith(".requires"))) {
      return UnitName.isValid(parts[1]) ? Optional.of(parts[1]) : Optional.empty();
    }
    return Optional.empty();
  }

  /**
   * Which units' {@code X-Reload-Triggers} or {@code X-Restart-Triggers} name a link's content: the
   * key's words themselves, or, for a word that is a file in our store (how the built-in modules
   * write triggers, docs/decisions.md §5), the words of that file. Read on first use, each trigger
   * file once.
   */
  private static final class Triggers {
    private static final String[] KEYS = {"X-Reload-Triggers", "X-Restart-Triggers"};
    private final GenerationSwitcher generations;
    private final DesiredState generation;
    private final HostPath unitDir;
    private final Map<String, Set<String>> wordsOfFile = new HashMap<>();
    private Map<String, UnitFile> units;

    Triggers(GenerationSwitcher generations, DesiredState generation, HostPath unitDir) {
      this.generations = generations;
      this.generation = generation;
      this.unitDir = unitDir;
    }

    /** Unit → the trigger key naming {@code target}, in unit name order. */
    Map<String, String> naming(String target) throws IOException {
      Map<String, String> hits = new TreeMap<>();
      for (Map.Entry<String, UnitFile> u : units().entrySet()) {
        for (String key : KEYS) {
          if (names(u.getValue().values("Unit", key), target)) {
            hits.putIfAbsent(u.getKey(), key);
          }
        }
      }
      return hits;
    }

    private boolean names(List<String> values, String target) throws IOException {
      for (String value : values) {
        for (String word : value.trim().split("\\s+")) {
          if (word.equals(target) || storeWords(word).contains(target)) {
            return true;
          }
        }
      }
      return false;
    }

    private Set<String> storeWords(String word) throws IOException {
      if (!word.startsWith(generations.layout().storeDir().value() + "/")) {
        return Set.of();
      }
      Set<String> words = wordsOfFile.get(word);
      if (words == null) {
        Optional<byte[]> bytes;
        try {
          bytes = generations.liveBytes(HostPath.of(word), LIVE_LIMIT);
        } catch (IllegalArgumentException notAPath) {
          bytes = Optional.empty();
        }
        words =
            bytes
                .map(b -> Set.of(new String(b, StandardCharsets.UTF_8).trim().split("\\s+")))
                .orElse(Set.of());
        wordsOfFile.put(word, words);
      }
      return words;
    }

    /**
     * Each unit file of the generation with its drop-ins, parsed once; unparseable ones are
     * skipped.
     */
    private Map<String, UnitFile> units() {
      if (units == null) {
        units = new TreeMap<>();
        Map<String, List<org.modsvc.switcher.unit.UnitFragment>> fragments = new TreeMap<>();
        for (Map.Entry<HostPath, DesiredFile> e : generation.files().entrySet()) {
          if (!e.getKey().isBelow(unitDir) || !(e.getValue() instanceof DesiredFile.Regular r)) {
            continue;
          }
          String[] parts = e.getKey().relativeTo(unitDir).split("/");
          String unit =
              parts.length == 1
                  ? parts[0]
                  : parts.length == 2 && parts[0].endsWith(".d")
                      ? parts[0].substring(0, parts[0].length() - 2)
                      : null;
          if (unit == null || !UnitName.isValid(unit)) {
            continue;
          }
          try {
            fragments
                .computeIfAbsent(unit, u -> new ArrayList<>())
                .add(
                    UnitFileParser.parse(
                        e.getKey().value(), new String(r.bytes(), StandardCharsets.UTF_8)));
          } catch (UnitFileException skipped) {
            // not ours to judge here: the switch that wrote it parsed it
          }
        }
        fragments.forEach((unit, list) -> units.put(unit, UnitFile.merge(list)));
      }
      return units;
    }
  }
}
