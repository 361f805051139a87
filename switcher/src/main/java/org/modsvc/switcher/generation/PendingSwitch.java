package org.modsvc.switcher.generation;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An unfinished switch as persisted in {@code pending.json}: the generation being switched to, the one it
 * started from (0 for none), the caller's phases in order with their opaque unit lists (the executor's stop,
 * reload, restart and start lists, as stc-ng's {@code /run/nixos/*-list} files), and which phases are done.
 * The phase {@link #FILES} is the generation's own: applying its files and flipping {@code current}.
 *
 * <p>{@code superseded} lists earlier pending generations whose file phase never finished and which a newer
 * configuration replaced: some of their files may be on disk, and they are ours until this switch is done.
 */
public record PendingSwitch(int generation, int previousGeneration, Map<String, List<String>> phases,
                            Set<String> done, Instant started, List<Integer> superseded) {

    public static final String FILES = "files";

    public PendingSwitch {
        LinkedHashMap<String, List<String>> copy = new LinkedHashMap<>();
        phases.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        if (!copy.containsKey(FILES)) {
            throw new IllegalArgumentException("a switch needs the phase '" + FILES + "' among " + copy.keySet());
        }
        for (String d : done) {
            if (!copy.containsKey(d)) {
                throw new IllegalArgumentException("phase '" + d + "' marked done but not among " + copy.keySet());
            }
        }
        phases = Collections.unmodifiableMap(copy);
        done = Collections.unmodifiableSet(new TreeSet<>(done));
        superseded = List.copyOf(superseded);
    }

    public PendingSwitch(int generation, int previousGeneration, Map<String, List<String>> phases, Set<String> done,
                         Instant started) {
        this(generation, previousGeneration, phases, done, started, List.of());
    }

    /**
     * The generations whose files may be on disk besides the current one's: the superseded ones, and this one
     * too unless its file phase is done.
     */
    public List<Integer> unfinishedGenerations() {
        List<Integer> out = new java.util.ArrayList<>(superseded);
        if (!isDone(FILES)) {
            out.add(generation);
        }
        return out;
    }

    public boolean isDone(String phase) {
        return done.contains(phase);
    }

    /** The first phase, in the caller's order, not yet done. */
    public Optional<String> nextPhase() {
        return phases.keySet().stream().filter(p -> !done.contains(p)).findFirst();
    }

    PendingSwitch withDone(String phase) {
        if (!phases.containsKey(phase)) {
            throw new IllegalArgumentException("unknown phase '" + phase + "'; this switch has " + phases.keySet());
        }
        Set<String> d = new TreeSet<>(done);
        d.add(phase);
        return new PendingSwitch(generation, previousGeneration, phases, d, started, superseded);
    }
}
