package org.modsvc.nix.value;

import java.util.Arrays;

/**
 * An immutable list of lazy values (elements may be thunks). The array is never mutated after
 * construction.
 */
public final class NixList implements Value {
  public static final NixList EMPTY = new NixList(new Value[0]);
  private final Value[] items;

  /** Takes ownership of {@code items}: the caller must not modify the array afterwards. */
  public NixList(Value[] items) {
    this.items = items;
  }

  public static NixList of(Value... items) {
    return items.length == 0 ? EMPTY : new NixList(items);
  }

  /** {@code [ first ] ++ rest}. */
  public static NixList prepend(Value first, Value[] rest) {
    Value[] all = new Value[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return new NixList(all);
  }

  /** {@code a ++ b}. */
  public static NixList concat(Value[] a, Value[] b) {
    Value[] all = new Value[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return new NixList(all);
  }

  public int size() {
    return items.length;
  }

  /** The element at i, not forced. */
  public Value get(int i) {
    return items[i];
  }

  /** A copy of the elements. */
  public Value[] toArray() {
    return Arrays.copyOf(items, items.length);
  }

  /** The backing array, for read-only iteration on hot paths. */
  public Value[] items() {
    return items;
  }

  @Override
  public String typeName() {
    return "list";
  }

  @Override
  public String toString() {
    return "NixList" + Arrays.toString(items);
  }
}
