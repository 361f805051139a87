package org.modsvc.switcher.generation;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.modsvc.switcher.store.BuildCache;
import org.modsvc.switcher.store.Store;
import org.modsvc.switcher.store.StorePath;

/**
 * Keeps the newest {@code keep} generations, the current one and those a pending switch targets or
 * replaced; deletes the other generation directories, then every store entry no kept generation
 * references (manifests record the closure), the cached host build outputs none of them references
 * and no build asked for in a month, and the temporaries of store adds a crash interrupted. Must
 * run under the switch lock, and the agent evaluates under the lock too, so entries written for a
 * switch still being prepared are never collected.
 */
final class GarbageCollector {

  private final Generations generations;
  private final Store store;
  private final PendingJournal pending;
  private final BuildCache buildCache;
  private final Clock clock;

  GarbageCollector(
      Generations generations,
      Store store,
      PendingJournal pending,
      BuildCache buildCache,
      Clock clock) {
    this.generations = generations;
    this.store = store;
    this.pending = pending;
    this.buildCache = buildCache;
    this.clock = clock;
  }

  GcReport collect(int keep) throws IOException {
    if (keep < 1) {
      throw new IllegalArgumentException("gc must keep at least 1 generation, asked for " + keep);
    }
    List<Integer> all = generations.list();
    Set<Integer> kept = new TreeSet<>(all.subList(Math.max(0, all.size() - keep), all.size()));
    OptionalInt current = generations.current();
    current.ifPresent(kept::add);
    Optional<PendingSwitch> open = pending.load();
    open.ifPresent(
        p -> {
          kept.add(p.generation());
          kept.add(p.previousGeneration());
          kept.addAll(p.superseded()); // their files may be on disk until this switch is done
        });

    List<Integer> deletedGens = new ArrayList<>();
    long bytes = 0;
    for (int g : all) {
      if (!kept.contains(g)) {
        bytes += generations.size(g);
        generations.delete(g);
        deletedGens.add(g);
      }
    }
    Set<StorePath> live = new TreeSet<>();
    Set<Integer> remaining = new TreeSet<>(generations.list()); // one listing, not one per kept
    for (int g : kept) {
      if (remaining.contains(g)) {
        live.addAll(store.closure(generations.read(g).storeEntries()));
      }
    }
    List<StorePath> deletedEntries = new ArrayList<>();
    for (StorePath entry : store.list()) {
      if (!live.contains(entry)) {
        bytes += store.size(entry);
        store.delete(entry);
        deletedEntries.add(entry);
      }
    }
    // Under the lock nothing is being added, so every temporary is a crashed run's.
    int leftovers = 0;
    for (Path temp : store.leftovers()) {
      store.deleteLeftover(temp);
      leftovers++;
    }
    // A build output is copied into the store under its own name when a generation uses it.
    BuildCache.Forgotten forgotten =
        buildCache.forgetAllBut(live, clock.instant().minus(BuildCache.KEPT_UNUSED));
    return new GcReport(
        keep,
        deletedGens,
        deletedEntries,
        forgotten.outputs(),
        bytes + forgotten.bytes(),
        leftovers);
  }
}
