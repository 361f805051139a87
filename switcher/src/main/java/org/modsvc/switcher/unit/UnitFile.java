package org.modsvc.switcher.unit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The effective content of a unit: its file and drop-ins merged, as section → key → ordered values.
 * Repeated keys accumulate; an empty assignment clears the list (the key stays present with no
 * values, as in switch-to-configuration-ng's {@code parse_systemd_ini}). Immutable; iteration
 * follows the order of first appearance.
 */
public final class UnitFile {
  private final Map<String, Map<String, List<String>>> sections;

  private UnitFile(Map<String, Map<String, List<String>>> sections) {
    Map<String, Map<String, List<String>>> copy = new LinkedHashMap<>();
    sections.forEach(
        (name, keys) -> {
          Map<String, List<String>> keyCopy = new LinkedHashMap<>();
          keys.forEach((key, values) -> keyCopy.put(key, List.copyOf(values)));
          copy.put(name, Collections.unmodifiableMap(keyCopy));
        });
    this.sections = Collections.unmodifiableMap(copy);
  }

  /** Merges a unit file followed by its drop-ins, in the order given. */
  public static UnitFile merge(List<UnitFragment> fragments) {
    Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();
    for (UnitFragment fragment : fragments) {
      for (String section : fragment.sections()) {
        sections.computeIfAbsent(section, s -> new LinkedHashMap<>());
      }
      for (Assignment a : fragment.assignments()) {
        List<String> values =
            sections.get(a.section()).computeIfAbsent(a.key(), k -> new ArrayList<>());
        if (a.isReset()) {
          values.clear();
        } else {
          values.add(a.value());
        }
      }
    }
    return new UnitFile(sections);
  }

  /** Parses {@code text} as one file named {@code path}, without drop-ins. */
  public static UnitFile parse(String path, String text) {
    return merge(List.of(UnitFileParser.parse(path, text)));
  }

  public Set<String> sectionNames() {
    return sections.keySet();
  }

  /** Keys of {@code section} with their values; empty when the section is absent. */
  public Map<String, List<String>> section(String section) {
    return sections.getOrDefault(section, Map.of());
  }

  public boolean hasSection(String section) {
    return sections.containsKey(section);
  }

  public boolean has(String section, String key) {
    return section(section).containsKey(key);
  }

  public List<String> values(String section, String key) {
    return section(section).getOrDefault(key, List.of());
  }

  /** The last value, which is the one that counts for single-valued settings. */
  public Optional<String> last(String section, String key) {
    List<String> values = values(section, key);
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
  }

  /**
   * A boolean as switch-to-configuration-ng reads it: the last value, true only for {@code 1},
   * {@code yes}, {@code true} or {@code on} (case-sensitive), {@code fallback} when unset.
   */
  public boolean bool(String section, String key, boolean fallback) {
    return last(section, key)
        .map(v -> v.equals("1") || v.equals("yes") || v.equals("true") || v.equals("on"))
        .orElse(fallback);
  }

  /** This unit without {@code section}, e.g. without {@code [Install]} before comparing. */
  public UnitFile without(String section) {
    Map<String, Map<String, List<String>>> copy = new LinkedHashMap<>(sections);
    copy.remove(section);
    return new UnitFile(copy);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof UnitFile that && sections.equals(that.sections);
  }

  @Override
  public int hashCode() {
    return sections.hashCode();
  }

  @Override
  public String toString() {
    return "UnitFile" + sections;
  }
}
