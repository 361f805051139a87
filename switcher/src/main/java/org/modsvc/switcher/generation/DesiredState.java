package org.modsvc.switcher.generation;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.modsvc.switcher.store.StorePath;

/**
 * Everything one configuration puts on disk: the live files by path, the store entries it needs beyond those
 * its files already name (they are found by scanning), and free-form metadata for the generation (for
 * example the modules directory, the agent version, {@code rollbackOf}).
 */
public record DesiredState(Map<org.modsvc.switcher.fs.HostPath, DesiredFile> files, Set<StorePath> storeRoots,
                           Map<String, String> metadata) {

    public DesiredState {
        TreeMap<org.modsvc.switcher.fs.HostPath, DesiredFile> copy = new TreeMap<>(files);
        copy.forEach((p, f) -> {
            if (!p.equals(f.path())) {
                throw new IllegalArgumentException("file keyed " + p + " has path " + f.path());
            }
        });
        for (var p : copy.keySet()) {
            for (var a = p.parent(); a != null; a = a.parent()) {
                if (copy.containsKey(a)) {
                    throw new IllegalArgumentException(a + " cannot be a file: " + p + " needs it as a directory");
                }
            }
        }
        files = Collections.unmodifiableMap(copy);
        storeRoots = Collections.unmodifiableSet(new TreeSet<>(storeRoots));
        metadata = Collections.unmodifiableMap(new TreeMap<>(metadata));
    }

    public static DesiredState of(Iterable<? extends DesiredFile> files, Set<StorePath> storeRoots,
                                  Map<String, String> metadata) {
        TreeMap<org.modsvc.switcher.fs.HostPath, DesiredFile> byPath = new TreeMap<>();
        for (DesiredFile f : files) {
            if (byPath.put(f.path(), f) != null) {
                throw new IllegalArgumentException("two files for " + f.path());
            }
        }
        return new DesiredState(byPath, storeRoots, metadata);
    }
}
