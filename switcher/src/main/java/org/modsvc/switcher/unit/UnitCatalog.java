package org.modsvc.switcher.unit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The unit files of one generation: unit files by name, their drop-ins ({@code <unit>.d/*.conf}, in
 * file-name order), masked names (linked to {@code /dev/null}, which count as absent), and which
 * targets want each unit (the {@code <target>.wants/} and {@code .requires/} links, or {@code
 * [Install] WantedBy=} as the generator knows it). Immutable; build with {@link #builder()} or read
 * a directory with {@link UnitDirectoryReader}.
 */
public record UnitCatalog(
    Map<UnitName, UnitFragment> files,
    Map<UnitName, List<UnitFragment>> dropIns,
    Set<UnitName> masked,
    Map<UnitName, Set<UnitName>> wantedBy) {

  public UnitCatalog {
    files = Map.copyOf(files);
    Map<UnitName, List<UnitFragment>> sortedDropIns = new TreeMap<>();
    dropIns.forEach(
        (unit, list) -> {
          List<UnitFragment> sorted = new ArrayList<>(list);
          sorted.sort(Comparator.comparing(UnitFragment::fileName));
          sortedDropIns.put(unit, List.copyOf(sorted));
        });
    dropIns = Map.copyOf(sortedDropIns);
    masked = Set.copyOf(masked);
    Map<UnitName, Set<UnitName>> wanted = new TreeMap<>();
    wantedBy.forEach((unit, targets) -> wanted.put(unit, Set.copyOf(targets)));
    wantedBy = Map.copyOf(wanted);
  }

  public static UnitCatalog empty() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** True when {@code unit} has its own file that is not masked. */
  public boolean hasFile(UnitName unit) {
    return files.containsKey(unit) && !masked.contains(unit);
  }

  /** Every unit name with a file that is not masked, sorted. */
  public Set<UnitName> unitNames() {
    Set<UnitName> names = new TreeSet<>(files.keySet());
    names.removeAll(masked);
    return names;
  }

  /**
   * The effective unit {@code unit} when its definition comes from {@code base}: the base file,
   * then the base's drop-ins, then, when {@code base} is a template of the instance {@code unit},
   * the instance's own drop-ins (switch-to-configuration-ng's {@code parse_unit}). Empty when the
   * base file is missing or masked.
   */
  public Optional<UnitFile> effective(UnitName unit, UnitName base) {
    if (!hasFile(base)) {
      return Optional.empty();
    }
    List<UnitFragment> fragments = new ArrayList<>();
    fragments.add(files.get(base));
    fragments.addAll(dropIns.getOrDefault(base, List.of()));
    if (!unit.equals(base)) {
      fragments.addAll(dropIns.getOrDefault(unit, List.of()));
    }
    return Optional.of(UnitFile.merge(fragments));
  }

  /** The effective unit, falling back to the template when an instance has no file of its own. */
  public Optional<UnitFile> resolve(UnitName unit) {
    if (!hasFile(unit) && unit.isInstance()) {
      return effective(unit, unit.template().orElseThrow());
    }
    return effective(unit, unit);
  }

  /** The targets whose {@code .wants}/{@code .requires} name {@code unit}. */
  public Set<UnitName> targetsWanting(UnitName unit) {
    return wantedBy.getOrDefault(unit, Set.of());
  }

  /** Collects a catalog; names are validated with {@link UnitName} as they are added. */
  public static final class Builder {
    private final Map<UnitName, UnitFragment> files = new TreeMap<>();
    private final Map<UnitName, List<UnitFragment>> dropIns = new TreeMap<>();
    private final Set<UnitName> masked = new TreeSet<>();
    private final Map<UnitName, Set<UnitName>> wantedBy = new TreeMap<>();

    private Builder() {}

    public Builder unit(String name, String text) {
      UnitName unit = UnitName.of(name);
      files.put(unit, UnitFileParser.parse(name, text));
      return this;
    }

    public Builder unit(UnitName name, UnitFragment fragment) {
      files.put(name, fragment);
      return this;
    }

    public Builder dropIn(String unit, String fileName, String text) {
      UnitName name = UnitName.of(unit);
      requireConfName(fileName);
      return dropIn(name, UnitFileParser.parse(unit + ".d/" + fileName, text));
    }

    public Builder dropIn(UnitName unit, UnitFragment fragment) {
      dropIns.computeIfAbsent(unit, u -> new ArrayList<>()).add(fragment);
      return this;
    }

    public Builder mask(String unit) {
      masked.add(UnitName.of(unit));
      return this;
    }

    /** Records that {@code target}'s {@code .wants} directory links {@code unit}. */
    public Builder wantedBy(String unit, String... targets) {
      Set<UnitName> set = wantedBy.computeIfAbsent(UnitName.of(unit), u -> new TreeSet<>());
      for (String target : targets) {
        set.add(UnitName.of(target));
      }
      return this;
    }

    public UnitCatalog build() {
      return new UnitCatalog(files, dropIns, masked, wantedBy);
    }

    private static void requireConfName(String fileName) {
      if (!fileName.endsWith(".conf") || fileName.contains("/") || fileName.startsWith(".")) {
        throw new IllegalArgumentException(
            "invalid drop-in file name '"
                + fileName
                + "': expected a plain file name ending in .conf");
      }
    }
  }
}
