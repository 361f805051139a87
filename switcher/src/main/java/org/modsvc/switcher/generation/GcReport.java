package org.modsvc.switcher.generation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.modsvc.switcher.store.StorePath;

/**
 * What garbage collection deleted (generations, store entries, cached host build outputs) and how
 * many bytes (file sizes) that freed; {@code leftoversDeleted} counts the half-written temporaries
 * of store adds a crash interrupted (not in {@code bytesFreed}); {@code keep} is how many of the
 * newest generations it was asked to keep.
 */
public record GcReport(
    int keep,
    List<Integer> generationsDeleted,
    List<StorePath> storeEntriesDeleted,
    List<StorePath> buildOutputsDeleted,
    long bytesFreed,
    int leftoversDeleted) {

  public GcReport {
    generationsDeleted = List.copyOf(generationsDeleted);
    storeEntriesDeleted = List.copyOf(storeEntriesDeleted);
    buildOutputsDeleted = List.copyOf(buildOutputsDeleted);
  }

  public boolean deletedAnything() {
    return !generationsDeleted.isEmpty()
        || !storeEntriesDeleted.isEmpty()
        || !buildOutputsDeleted.isEmpty();
  }

  /** The report as JSON data ({@code gc --json}, and the {@code gc} of a switch's report). */
  public Map<String, Object> toData() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("generationsDeleted", generationsDeleted);
    data.put("storeEntriesDeleted", storeEntriesDeleted.stream().map(Object::toString).toList());
    data.put("buildOutputsDeleted", buildOutputsDeleted.stream().map(Object::toString).toList());
    data.put("bytesFreed", bytesFreed);
    return data;
  }

  @Override
  public String toString() {
    return "deleted "
        + generationsDeleted.size()
        + " generation(s)"
        + (generationsDeleted.isEmpty()
            ? ""
            : " " + generationsDeleted.toString().replaceAll("[\\[\\]]", ""))
        + " (keeping the newest "
        + keep
        + ") and "
        + storeEntriesDeleted.size()
        + " store entr"
        + (storeEntriesDeleted.size() == 1 ? "y" : "ies")
        + (buildOutputsDeleted.isEmpty()
            ? ""
            : " and " + buildOutputsDeleted.size() + " cached build output(s)")
        + ", freeing "
        + bytesFreed
        + " bytes"
        + (leftoversDeleted == 0
            ? ""
            : "; removed " + leftoversDeleted + " temporary file(s) of interrupted store adds");
  }
}
