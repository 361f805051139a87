package org.modsvc.nix.value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.modsvc.nix.source.Span;

/**
 * An immutable attribute set stored as parallel arrays sorted by name, as Nix's {@code Bindings}:
 * lookup is a binary search, {@code //} is a linear merge, and {@code attrNames} is already sorted.
 * Values may be thunks. {@code positions} (may hold nulls) records where each attribute was defined,
 * for {@code unsafeGetAttrPos} and error messages.
 */
public final class NixAttrs implements Value {
  public static final NixAttrs EMPTY = new NixAttrs(new String[0], new Value[0], null);

  private final String[] names;
  private final Value[] values;
  private final Span[] positions;

  /** Takes ownership of the arrays, which must be sorted by name without duplicates. */
  public NixAttrs(String[] names, Value[] values, Span[] positions) {
    this.names = names;
    this.values = values;
    this.positions = positions;
  }

  public int size() { return names.length; }
  public String name(int i) { return names[i]; }
  public Value value(int i) { return values[i]; }
  public Span position(int i) { return positions == null ? null : positions[i]; }
  public String[] names() { return names; }
  public Value[] values() { return values; }

  public int indexOf(String name) {
    String[] n = names;
    int lo = 0, hi = n.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = n[mid].compareTo(name);
      if (c < 0) lo = mid + 1;
      else if (c > 0) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  /** The value of {@code name} (not forced), or null when absent. */
  public Value get(String name) {
    int i = indexOf(name);
    return i < 0 ? null : values[i];
  }

  public boolean has(String name) { return indexOf(name) >= 0; }

  public Span positionOf(String name) {
    int i = indexOf(name);
    return i < 0 || positions == null ? null : positions[i];
  }

  /** {@code this // other}: attributes of other win. */
  public NixAttrs update(NixAttrs other) {
    if (other.names.length == 0) return this;
    if (names.length == 0) return other;
    int n = names.length, m = other.names.length;
    String[] rn = new String[n + m];
    Value[] rv = new Value[n + m];
    Span[] rp = positions == null && other.positions == null ? null : new Span[n + m];
    int i = 0, j = 0, k = 0;
    while (i < n || j < m) {
      int c = i == n ? 1 : j == m ? -1 : names[i].compareTo(other.names[j]);
      if (c < 0) {
        rn[k] = names[i]; rv[k] = values[i]; if (rp != null) rp[k] = position(i); i++;
      } else {
        rn[k] = other.names[j]; rv[k] = other.values[j]; if (rp != null) rp[k] = other.position(j); j++;
        if (c == 0) i++;
      }
      k++;
    }
    if (k < n + m) {
      rn = Arrays.copyOf(rn, k);
      rv = Arrays.copyOf(rv, k);
      if (rp != null) rp = Arrays.copyOf(rp, k);
    }
    return new NixAttrs(rn, rv, rp);
  }

  @Override public String typeName() { return "set"; }
  @Override public String toString() { return "NixAttrs" + Arrays.toString(names); }

  public static Builder builder() { return new Builder(8); }
  public static Builder builder(int capacity) { return new Builder(capacity); }

  public static NixAttrs of(Map<String, ? extends Value> map) {
    Builder b = builder(map.size());
    map.forEach(b::put);
    return b.build();
  }

  /**
   * Collects attributes in any order; {@link #build()} sorts them. A later {@code put} of the same name
   * replaces the earlier one (as {@code listToAttrs} wants the first, callers use {@link #putIfAbsent}).
   */
  public static final class Builder {
    private String[] names;
    private Value[] values;
    private Span[] positions;
    private int size;
    private boolean sorted = true;

    Builder(int capacity) {
      names = new String[Math.max(capacity, 1)];
      values = new Value[names.length];
    }

    public Builder put(String name, Value value) { return put(name, value, null); }

    public Builder put(String name, Value value, Span pos) {
      if (size == names.length) grow();
      if (size > 0 && sorted) {
        int c = names[size - 1].compareTo(name);
        if (c >= 0) sorted = false;
      }
      names[size] = name;
      values[size] = value;
      if (pos != null) {
        if (positions == null) positions = new Span[names.length];
        positions[size] = pos;
      }
      size++;
      return this;
    }

    private void grow() {
      int cap = names.length * 2;
      names = Arrays.copyOf(names, cap);
      values = Arrays.copyOf(values, cap);
      if (positions != null) positions = Arrays.copyOf(positions, cap);
    }

    public int size() { return size; }

    /** Sorts by name; for duplicates the last put wins unless {@code firstWins}. */
    public NixAttrs build() { return build(false); }

    public NixAttrs build(boolean firstWins) {
      if (positions != null && positions.length < names.length) positions = Arrays.copyOf(positions, names.length);
      if (sorted) {
        return new NixAttrs(Arrays.copyOf(names, size), Arrays.copyOf(values, size),
            positions == null ? null : Arrays.copyOf(positions, size));
      }
      Integer[] idx = new Integer[size];
      for (int i = 0; i < size; i++) idx[i] = i;
      // stable sort keeps insertion order among equal names, so first/last wins is well defined
      Arrays.sort(idx, (a, b) -> names[a].compareTo(names[b]));
      List<Integer> keep = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        int cur = idx[i];
        if (!keep.isEmpty() && names[keep.get(keep.size() - 1)].equals(names[cur])) {
          if (!firstWins) keep.set(keep.size() - 1, cur);
        } else {
          keep.add(cur);
        }
      }
      int k = keep.size();
      String[] rn = new String[k];
      Value[] rv = new Value[k];
      Span[] rp = positions == null ? null : new Span[k];
      for (int i = 0; i < k; i++) {
        int j = keep.get(i);
        rn[i] = names[j];
        rv[i] = values[j];
        if (rp != null) rp[i] = positions[j];
      }
      return new NixAttrs(rn, rv, rp);
    }
  }
}
