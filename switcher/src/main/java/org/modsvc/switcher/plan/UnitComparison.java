package org.modsvc.switcher.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.modsvc.switcher.unit.UnitFile;

/**
 * switch-to-configuration-ng's {@code compare_units}: whether a changed unit needs a restart, only
 * a reload, or nothing. {@code [Install]} never counts. Every difference is classified on its own:
 *
 * <pre>
 *   [Unit] X-Reload-Triggers changed or added          → reload   (removed → ignored)
 *   [Unit] ignorable key (Description, …) any change   → ignored
 *   [Mount] Options changed                            → reload
 *   [Unit] section removed with only ignorable keys    → ignored
 *   anything else (keys, sections added or removed)    → restart
 * </pre>
 *
 * The verdict is restart if any difference needs one, else reload if any does, else equal. That is
 * what the Rust function returns; it stops at the first restart, but we keep every difference so
 * the plan can say why.
 */
public record UnitComparison(Verdict verdict, List<Difference> differences) {
  /** The {@code [Unit]} keys whose change alone never restarts a unit. */
  static final Set<String> IGNORABLE_UNIT_KEYS =
      Set.of(
          "X-Reload-Triggers",
          "Description",
          "Documentation",
          "OnFailure",
          "OnSuccess",
          "OnFailureJobMode",
          "IgnoreOnIsolate",
          "StopWhenUnneeded",
          "RefuseManualStart",
          "RefuseManualStop",
          "AllowIsolate",
          "CollectMode",
          "SourcePath");

  public enum Verdict {
    EQUAL,
    NEEDS_RELOAD,
    NEEDS_RESTART
  }

  public enum Effect {
    IGNORED,
    RELOAD,
    RESTART
  }

  public enum Change {
    ADDED,
    REMOVED,
    CHANGED
  }

  /** One differing key, or a whole section when {@code key} is null. */
  public record Difference(String section, String key, Change change, Effect effect) {
    /** E.g. {@code argv changed: [Service] ExecStart} or {@code section added: [Socket]}. */
    public String describe() {
      if (key == null) {
        return "section "
            + change.name().toLowerCase(java.util.Locale.ROOT)
            + ": ["
            + section
            + "]";
      }
      String what =
          switch (key) {
            case "ExecStart" -> "argv";
            case "X-Restart-Triggers" -> "restart triggers";
            case "X-Reload-Triggers" -> "reload triggers";
            default -> "";
          };
      String verb = change.name().toLowerCase(java.util.Locale.ROOT);
      return (what.isEmpty() ? verb : what + " " + verb) + ": [" + section + "] " + key;
    }
  }

  public UnitComparison {
    differences = List.copyOf(differences);
  }

  public static UnitComparison compare(UnitFile oldUnit, UnitFile newUnit) {
    UnitFile old = oldUnit.without("Install");
    UnitFile next = newUnit.without("Install");
    List<Difference> diffs = new ArrayList<>();
    for (String section : old.sectionNames()) {
      if (!next.hasSection(section)) {
        diffs.add(removedSection(section, old.section(section)));
        continue;
      }
      compareKeys(section, old.section(section), next.section(section), diffs);
    }
    for (String section : next.sectionNames()) {
      if (!old.hasSection(section)) {
        diffs.addAll(addedSection(section, next.section(section)));
      }
    }
    return new UnitComparison(verdictOf(diffs), diffs);
  }

  private static void compareKeys(
      String section,
      Map<String, List<String>> old,
      Map<String, List<String>> next,
      List<Difference> diffs) {
    old.forEach(
        (key, oldValues) -> {
          List<String> newValues = next.get(key);
          if (newValues == null) {
            diffs.add(
                new Difference(
                    section,
                    key,
                    Change.REMOVED,
                    isIgnorable(section, key) ? Effect.IGNORED : Effect.RESTART));
          } else if (!oldValues.equals(newValues)) {
            diffs.add(new Difference(section, key, Change.CHANGED, changedEffect(section, key)));
          }
        });
    next.keySet().stream()
        .filter(key -> !old.containsKey(key))
        .forEach(
            key ->
                diffs.add(new Difference(section, key, Change.ADDED, addedEffect(section, key))));
  }

  private static Effect changedEffect(String section, String key) {
    if (section.equals("Unit") && key.equals("X-Reload-Triggers")) {
      return Effect.RELOAD;
    }
    if (isIgnorable(section, key)) {
      return Effect.IGNORED;
    }
    if (section.equals("Mount") && key.equals("Options")) {
      return Effect.RELOAD;
    }
    return Effect.RESTART;
  }

  private static Effect addedEffect(String section, String key) {
    if (section.equals("Unit") && key.equals("X-Reload-Triggers")) {
      return Effect.RELOAD;
    }
    return isIgnorable(section, key) ? Effect.IGNORED : Effect.RESTART;
  }

  /** A removed {@code [Unit]} only matters if it held a key that is not ignorable. */
  private static Difference removedSection(String section, Map<String, List<String>> keys) {
    boolean harmless =
        section.equals("Unit") && keys.keySet().stream().allMatch(k -> isIgnorable(section, k));
    return new Difference(
        section, null, Change.REMOVED, harmless ? Effect.IGNORED : Effect.RESTART);
  }

  private static List<Difference> addedSection(String section, Map<String, List<String>> keys) {
    if (!section.equals("Unit")) {
      return List.of(new Difference(section, null, Change.ADDED, Effect.RESTART));
    }
    List<Difference> diffs = new ArrayList<>();
    diffs.add(new Difference(section, null, Change.ADDED, Effect.IGNORED));
    keys.keySet()
        .forEach(
            key ->
                diffs.add(new Difference(section, key, Change.ADDED, addedEffect(section, key))));
    return diffs;
  }

  private static boolean isIgnorable(String section, String key) {
    return section.equals("Unit") && IGNORABLE_UNIT_KEYS.contains(key);
  }

  private static Verdict verdictOf(List<Difference> diffs) {
    if (diffs.stream().anyMatch(d -> d.effect() == Effect.RESTART)) {
      return Verdict.NEEDS_RESTART;
    }
    return diffs.stream().anyMatch(d -> d.effect() == Effect.RELOAD)
        ? Verdict.NEEDS_RELOAD
        : Verdict.EQUAL;
  }

  /** The differences that decided the verdict, described for humans and joined by "; ". */
  public String summary() {
    Effect deciding =
        verdict == Verdict.NEEDS_RESTART
            ? Effect.RESTART
            : verdict == Verdict.NEEDS_RELOAD ? Effect.RELOAD : Effect.IGNORED;
    return differences.stream()
        .filter(d -> d.effect() == deciding)
        .map(Difference::describe)
        .collect(Collectors.joining("; "));
  }
}
