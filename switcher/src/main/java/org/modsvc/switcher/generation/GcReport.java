package org.modsvc.switcher.generation;

import java.util.List;
import org.modsvc.switcher.store.StorePath;

/**
 * What garbage collection deleted and how many bytes (file sizes) that freed; {@code
 * leftoversDeleted} counts the half-written temporaries of store adds a crash interrupted (not in
 * {@code bytesFreed}); {@code keep} is how many of the newest generations it was asked to keep.
 */
public record GcReport(
    int keep,
    List<Integer> generationsDeleted,
    List<StorePath> storeEntriesDeleted,
    long bytesFreed,
    int leftoversDeleted) {

  public GcReport {
    generationsDeleted = List.copyOf(generationsDeleted);
    storeEntriesDeleted = List.copyOf(storeEntriesDeleted);
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
        + ", freeing "
        + bytesFreed
        + " bytes"
        + (leftoversDeleted == 0
            ? ""
            : "; removed " + leftoversDeleted + " temporary file(s) of interrupted store adds");
  }
}
