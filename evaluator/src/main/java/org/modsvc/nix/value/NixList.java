package org.modsvc.nix.value;

import java.util.Arrays;

/** An immutable list of lazy values (elements may be thunks). The array is never mutated after construction. */
public final class NixList implements Value {
  public static final NixList EMPTY = new NixList(new Value[0]);
  private final Value[] items;

  /** Takes ownership of {@code items}: the caller must not modify the array afterwards. */
  public NixList(Value[] items) { this.items = items; }

  public static NixList of(Value... items) { return items.length == 0 ? EMPTY : new NixList(items); }

  public int size() { return items.length; }
  /** The element at i, not forced. */
  public Value get(int i) { return items[i]; }
  /** A copy of the elements. */
  public Value[] toArray() { return Arrays.copyOf(items, items.length); }
  /** The backing array, for read-only iteration on hot paths. */
  public Value[] items() { return items; }

  @Override public String typeName() { return "list"; }
  @Override public String toString() { return "NixList" + Arrays.toString(items); }
}
