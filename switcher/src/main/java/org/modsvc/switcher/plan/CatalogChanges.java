package org.modsvc.switcher.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.modsvc.switcher.unit.UnitCatalog;
import org.modsvc.switcher.unit.UnitFile;
import org.modsvc.switcher.unit.UnitFragment;
import org.modsvc.switcher.unit.UnitName;

/**
 * Whether systemd must re-read its unit files: any file, drop-in, mask or wants link that differs
 * between the generations, compared by content (comments and layout do not count, {@code [Install]}
 * does, because systemd shows descriptions and install info from the loaded file).
 */
final class CatalogChanges {
  private CatalogChanges() {}

  static List<String> between(UnitCatalog old, UnitCatalog next) {
    List<String> changes = new ArrayList<>();
    Set<UnitName> names = new TreeSet<>(old.files().keySet());
    names.addAll(next.files().keySet());
    names.addAll(old.dropIns().keySet());
    names.addAll(next.dropIns().keySet());
    names.addAll(old.masked());
    names.addAll(next.masked());
    for (UnitName name : names) {
      String change = change(name, old, next);
      if (change != null) {
        changes.add(change + ": " + name);
      }
    }
    if (!old.wantedBy().equals(next.wantedBy())) {
      changes.add("wants links changed");
    }
    return changes;
  }

  private static String change(UnitName name, UnitCatalog old, UnitCatalog next) {
    if (old.masked().contains(name) != next.masked().contains(name)) {
      return next.masked().contains(name) ? "masked" : "unmasked";
    }
    UnitFile before = content(old.files().get(name));
    UnitFile after = content(next.files().get(name));
    if (before == null && after != null) {
      return "added";
    }
    if (before != null && after == null) {
      return "removed";
    }
    if (before != null && !before.equals(after)) {
      return "changed";
    }
    return dropIns(old, name).equals(dropIns(next, name)) ? null : "drop-ins changed";
  }

  private static UnitFile content(UnitFragment fragment) {
    return fragment == null ? null : UnitFile.merge(List.of(fragment));
  }

  private static Map<String, UnitFile> dropIns(UnitCatalog catalog, UnitName name) {
    Map<String, UnitFile> byFile = new TreeMap<>();
    catalog
        .dropIns()
        .getOrDefault(name, List.of())
        .forEach(f -> byFile.put(f.fileName(), content(f)));
    return byFile;
  }
}
