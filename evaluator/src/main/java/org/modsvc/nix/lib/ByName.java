package org.modsvc.nix.lib;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixList;
import org.modsvc.nix.value.Value;

/**
 * Attributes of several sets grouped by name, {@code name → [ entry … ]} with the entries of one
 * name in the order of the sets: the shape of {@code zipAttrsWith (_: vs: vs)}, which every level
 * of the module system builds for declarations and definitions.
 */
final class ByName {
  private ByName() {}

  /** The entry to list for attribute {@code index} of set number {@code set}. */
  @FunctionalInterface
  interface Entry {
    Value make(int set, int index);
  }

  /** Above this many sets a hash map beats scanning every set for the next name. */
  private static final int MERGE_LIMIT = 8;

  static NixAttrs group(NixAttrs[] sets, Entry entry) {
    if (sets.length == 1) {
      NixAttrs only = sets[0];
      Value[] lists = new Value[only.size()];
      for (int i = 0; i < lists.length; i++) lists[i] = new NixList(new Value[] {entry.make(0, i)});
      return new NixAttrs(only.names(), lists, null);
    }
    return sets.length <= MERGE_LIMIT ? merged(sets, entry) : hashed(sets, entry);
  }

  /** A k-way merge: every set is already sorted by name, so the result comes out sorted. */
  private static NixAttrs merged(NixAttrs[] sets, Entry entry) {
    int[] next = new int[sets.length];
    List<String> names = new ArrayList<>();
    List<Value> lists = new ArrayList<>();
    Value[] found = new Value[sets.length];
    while (true) {
      String least = null;
      for (int s = 0; s < sets.length; s++) {
        if (next[s] < sets[s].size()) {
          String n = sets[s].name(next[s]);
          if (least == null || NixAttrs.compareNames(n, least) < 0) least = n;
        }
      }
      if (least == null) break;
      int count = 0;
      for (int s = 0; s < sets.length; s++) {
        if (next[s] < sets[s].size() && NixAttrs.compareNames(sets[s].name(next[s]), least) == 0) {
          found[count++] = entry.make(s, next[s]++);
        }
      }
      names.add(least);
      Value[] group = new Value[count];
      System.arraycopy(found, 0, group, 0, count);
      lists.add(new NixList(group));
    }
    return new NixAttrs(
        names.toArray(new String[names.size()]), lists.toArray(new Value[lists.size()]), null);
  }

  private static NixAttrs hashed(NixAttrs[] sets, Entry entry) {
    Map<String, List<Value>> byName = new LinkedHashMap<>();
    for (int s = 0; s < sets.length; s++) {
      for (int i = 0; i < sets[s].size(); i++) {
        byName.computeIfAbsent(sets[s].name(i), k -> new ArrayList<>(2)).add(entry.make(s, i));
      }
    }
    NixAttrs.Builder b = NixAttrs.builder(byName.size());
    byName.forEach((name, vs) -> b.put(name, new NixList(vs.toArray(new Value[vs.size()]))));
    return b.build();
  }
}
