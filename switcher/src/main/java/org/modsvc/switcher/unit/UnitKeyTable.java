package org.modsvc.switcher.unit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The keys systemd 252 knows in the sections modsvc writes, and the values of its enumerations and
 * booleans, read from {@code systemd-252-keys.txt} beside this class (its header says where the
 * facts come from).
 */
public final class UnitKeyTable {
  /** What a key accepts: any value, a boolean, one of some words, or either. */
  public record Kind(boolean bool, Set<String> words) {
    static final Kind ANY = new Kind(false, Set.of());

    boolean checked() {
      return bool || !words.isEmpty();
    }

    public boolean accepts(String value) {
      return !checked() || value.isEmpty() || (bool && isBoolean(value)) || words.contains(value);
    }

    public String describe() {
      List<String> parts = new ArrayList<>();
      if (bool) parts.add("a boolean (yes/no, true/false, on/off, 1/0)");
      if (!words.isEmpty())
        parts.add("one of " + String.join(", ", words.stream().sorted().toList()));
      return String.join(" or ", parts);
    }
  }

  private static final Set<String> BOOLEANS =
      Set.of("1", "yes", "y", "true", "t", "on", "0", "no", "n", "false", "f", "off");

  public static final UnitKeyTable SYSTEMD_252 = load("systemd-252-keys.txt");

  /**
   * section → key → kind, keys in name order (for suggestions that do not depend on hash order).
   */
  private final Map<String, Map<String, Kind>> sections;

  private UnitKeyTable(Map<String, Map<String, Kind>> sections) {
    this.sections = sections;
  }

  public boolean coversSection(String section) {
    return sections.containsKey(section);
  }

  public Optional<Kind> kind(String section, String key) {
    return Optional.ofNullable(sections.getOrDefault(section, Map.of()).get(key));
  }

  /** The sections other than {@code section} that know {@code key}. */
  public List<String> sectionsWith(String key, String except) {
    return sections.entrySet().stream()
        .filter(e -> !e.getKey().equals(except) && e.getValue().containsKey(key))
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  /**
   * The key of {@code section} closest to the unknown {@code key}: the same letters in another
   * case, else the nearest by edit distance (a swap of two neighbours counts once) within a third
   * of the key's length.
   */
  public Optional<String> suggestion(String section, String key) {
    Map<String, Kind> keys = sections.getOrDefault(section, Map.of());
    String best = null;
    int bestDistance = Math.max(1, Math.min(3, key.length() / 3)) + 1;
    for (String candidate : keys.keySet()) {
      if (candidate.equalsIgnoreCase(key)) return Optional.of(candidate);
      int d = distance(key.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The closest allowed word to an invalid value, when one is near (e.g. {@code on-falure}). */
  public static Optional<String> closestWord(Kind kind, String value) {
    String best = null;
    int bestDistance = 3;
    for (String w : kind.words()) {
      int d = distance(value.toLowerCase(Locale.ROOT), w);
      if (d < bestDistance) {
        best = w;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  static boolean isBoolean(String value) {
    return BOOLEANS.contains(value.toLowerCase(Locale.ROOT));
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) d[i][0] = i;
    for (int j = 0; j <= b.length(); j++) d[0][j] = j;
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  static UnitKeyTable parse(String text) {
    Map<String, Map<String, Kind>> sections = new HashMap<>();
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      String[] words = line.split("\\s+");
      int dot = words[0].indexOf('.');
      if (dot <= 0) throw new IllegalArgumentException("key table: not Section.Key: " + line);
      Kind kind = Kind.ANY;
      if (words.length > 1) {
        Set<String> values = Set.of(java.util.Arrays.copyOfRange(words, 2, words.length));
        kind =
            switch (words[1]) {
              case "bool" -> new Kind(true, Set.of());
              case "enum" -> new Kind(false, values);
              case "bool+" -> new Kind(true, values);
              default -> throw new IllegalArgumentException("key table: unknown kind in: " + line);
            };
      }
      sections
          .computeIfAbsent(words[0].substring(0, dot), s -> new TreeMap<>())
          .put(words[0].substring(dot + 1), kind);
    }
    return new UnitKeyTable(sections);
  }

  private static UnitKeyTable load(String resource) {
    try (InputStream in = UnitKeyTable.class.getResourceAsStream(resource)) {
      if (in == null)
        throw new IllegalStateException(
            "missing resource " + resource + " beside " + UnitKeyTable.class);
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
