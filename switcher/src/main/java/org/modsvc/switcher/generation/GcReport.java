package org.modsvc.switcher.generation;

import java.util.List;
import org.modsvc.switcher.store.StorePath;

/** What garbage collection deleted and how many bytes (file sizes) that freed. */
public record GcReport(List<Integer> generationsDeleted, List<StorePath> storeEntriesDeleted, long bytesFreed) {

    public GcReport {
        generationsDeleted = List.copyOf(generationsDeleted);
        storeEntriesDeleted = List.copyOf(storeEntriesDeleted);
    }

    @Override
    public String toString() {
        return "deleted " + generationsDeleted.size() + " generation(s) and " + storeEntriesDeleted.size()
                + " store entr" + (storeEntriesDeleted.size() == 1 ? "y" : "ies") + ", freeing " + bytesFreed + " bytes";
    }
}
