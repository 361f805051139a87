package org.modsvc.switcher.generation;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.modsvc.switcher.fs.HostPath;
import org.modsvc.switcher.store.StorePath;

/**
 * The record of one generation ({@code <generations>/<N>/manifest.json}): every file and link the
 * agent owns with its content hash or target, the store entries it keeps alive (closure included),
 * the directories the agent created (so it can remove them once empty), when it was made, and
 * caller metadata.
 */
public record Manifest(
    int generation,
    Instant created,
    Map<String, String> metadata,
    SortedMap<HostPath, ManifestEntry> entries,
    SortedSet<StorePath> storeEntries,
    SortedSet<HostPath> createdDirs) {

  public Manifest {
    if (generation < 0) {
      throw new IllegalArgumentException("generation number must not be negative: " + generation);
    }
    Objects.requireNonNull(created, "created");
    metadata = Collections.unmodifiableMap(new TreeMap<>(metadata));
    entries = Collections.unmodifiableSortedMap(new TreeMap<>(entries));
    storeEntries = Collections.unmodifiableSortedSet(new TreeSet<>(storeEntries));
    createdDirs = Collections.unmodifiableSortedSet(new TreeSet<>(createdDirs));
  }

  /** The state before the first switch: generation 0, owning nothing. */
  public static Manifest empty() {
    return new Manifest(
        0, Instant.EPOCH, Map.of(), new TreeMap<>(), new TreeSet<>(), new TreeSet<>());
  }

  /**
   * True when this manifest and {@code other} put the same things on disk and carry the same
   * metadata.
   */
  public boolean sameConfiguration(Manifest other) {
    if (!metadata.equals(other.metadata)
        || !storeEntries.equals(other.storeEntries)
        || !entries.keySet().equals(other.entries.keySet())) {
      return false;
    }
    for (Map.Entry<HostPath, ManifestEntry> e : entries.entrySet()) {
      if (!e.getValue().sameContent(other.entries.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  public Manifest withNumber(int newGeneration, Instant newCreated) {
    return new Manifest(newGeneration, newCreated, metadata, entries, storeEntries, createdDirs);
  }

  public Manifest withEntries(
      SortedMap<HostPath, ManifestEntry> newEntries, SortedSet<HostPath> newCreatedDirs) {
    return new Manifest(generation, created, metadata, newEntries, storeEntries, newCreatedDirs);
  }
}
