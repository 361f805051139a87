package org.modsvc.nix.value;

import java.util.Arrays;
import java.util.Map;
import org.modsvc.nix.source.Span;

/**
 * An immutable attribute set stored as parallel arrays sorted by name, as Nix's {@code Bindings}:
 * lookup is a binary search, {@code //} is a linear merge, and {@code attrNames} is already sorted.
 * Values may be thunks. {@code positions} (may hold nulls) records where each attribute was
 * defined, for {@code unsafeGetAttrPos} and error messages.
 *
 * <p>The one subclass, {@link WithFallback}, is a set that also answers names it does not hold; see
 * there for why it exists and what consults it.
 */
public sealed class NixAttrs implements Value permits NixAttrs.WithFallback {
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

  public int size() {
    return names.length;
  }

  public String name(int i) {
    return names[i];
  }

  public Value value(int i) {
    return values[i];
  }

  public Span position(int i) {
    return positions == null ? null : positions[i];
  }

  public String[] names() {
    return names;
  }

  public Value[] values() {
    return values;
  }

  /**
   * The index of {@code name}, or -1. The compiler interns every name written in source (binding
   * names, selected names, formals), so a name found is usually the very same String object: small
   * sets are scanned for it by identity, larger ones binary-searched with an identity test at each
   * step before comparing characters.
   */
  public int indexOf(String name) {
    String[] n = names;
    if (n.length <= SCAN_LIMIT) {
      for (int i = 0; i < n.length; i++) if (n[i] == name) return i;
      // Not the same object: compare the strings' cached hashes first, so that a name the set does
      // not have (the
      // common way to get here: `x ? a`, `x.a or d`, a formal's default) costs no character
      // comparisons at all.
      int h = name.hashCode();
      for (int i = 0; i < n.length; i++) {
        String s = n[i];
        if (s.hashCode() == h && s.equals(name)) return i;
      }
      return -1;
    }
    int i = search(name);
    return i >= 0 ? i : -1;
  }

  /**
   * {@link #indexOf} trying {@code guess} first. Selection sites remember where they last found
   * their name: sets built by the same literal share one layout, so the guess usually holds and
   * saves the search (about two thirds of the selections on the evalModules benchmark). A wrong or
   * out-of-range guess only costs one comparison: the guess is taken only for the identical String,
   * any other case searches.
   */
  public int indexOf(String name, int guess) {
    String[] n = names;
    if (guess < n.length && n[guess] == name) return guess;
    return indexOf(name);
  }

  /** The value of {@code name} (not forced), or null when absent. */
  public Value get(String name) {
    int i = indexOf(name);
    return i < 0 ? null : values[i];
  }

  public boolean has(String name) {
    return indexOf(name) >= 0;
  }

  /**
   * The value this set gives for a name it does not hold, or null (always, except for a {@link
   * WithFallback}). Only name lookups written by the user consult it, and only after a miss.
   */
  public Value missing(String name) {
    return null;
  }

  /**
   * This set's attributes, answering other names through {@code fallback} (see {@link
   * WithFallback}).
   */
  public NixAttrs withFallback(Fallback fallback) {
    return new WithFallback(names, values, positions, fallback);
  }

  /**
   * Computes the value of a name a {@link WithFallback} set does not hold, or null to decline it.
   */
  @FunctionalInterface
  public interface Fallback {
    Value lookup(String name);
  }

  /**
   * A set whose attribute selection ({@code s.x}, {@code s.x or d}, {@code inherit (s) x}), {@code
   * s ? x}, {@code builtins.getAttr} and {@code builtins.hasAttr} also answer names it does not
   * hold, through a {@link Fallback}. It exists for one set: the agent's host package set {@code
   * pkgs}, where every name is a package looked up on {@code PATH} and so the set cannot be finite
   * (a NixOS module may name any package). Everything else sees only the finite attributes: {@code
   * attrNames}, {@code //}, {@code removeAttrs}, {@code mapAttrs}, equality, printing, {@code with}
   * lookups, formal-argument destructuring and the evaluator's own {@code __functor}/{@code
   * outPath}/{@code __toString} lookups; sets derived from it by any operation are ordinary sets.
   * Being a subclass rather than a field keeps every ordinary set as small as before, and selection
   * only asks after a miss, so the hit path is unchanged.
   */
  public static final class WithFallback extends NixAttrs {
    private final Fallback fallback;

    private WithFallback(String[] names, Value[] values, Span[] positions, Fallback fallback) {
      super(names, values, positions);
      this.fallback = fallback;
    }

    @Override
    public Value missing(String name) {
      return fallback.lookup(name);
    }
  }

  /**
   * This set without the attributes marked in {@code drop} ({@code dropped} of them): the others in
   * order, with their positions (none when none of them has one). {@code removeAttrs} and the
   * module primitives' filters share it.
   */
  public NixAttrs without(boolean[] drop, int dropped) {
    if (dropped == 0) return this;
    int size = names.length - dropped;
    String[] rn = new String[size];
    Value[] rv = new Value[size];
    Span[] rp = null;
    for (int i = 0, k = 0; i < names.length; i++) {
      if (drop[i]) continue;
      rn[k] = names[i];
      rv[k] = values[i];
      Span p = position(i);
      if (p != null) {
        if (rp == null) rp = new Span[size];
        rp[k] = p;
      }
      k++;
    }
    return new NixAttrs(rn, rv, rp);
  }

  public Span positionOf(String name) {
    int i = indexOf(name);
    return i < 0 || positions == null ? null : positions[i];
  }

  /** {@code this // other}: attributes of other win. */
  public NixAttrs update(NixAttrs other) {
    if (other.names.length == 0) return this;
    if (names.length == 0) return other;
    int n = names.length, m = other.names.length;
    if (m == 1) return updateOne(other);
    if (m <= 4 && n > 2 * m) return updateFew(other);
    // Count the overridden names first so the result arrays are allocated once at their exact size:
    // `set // { a = …; }` replacing existing attributes is the common case in the module system,
    // and
    // trimming over-allocated arrays copied every array twice.
    int dup = 0;
    if (m <= 4) {
      for (int j = 0; j < m; j++) if (indexOf(other.names[j]) >= 0) dup++;
    } else {
      for (int i = 0, j = 0; i < n && j < m; ) {
        int c = compareNames(names[i], other.names[j]);
        if (c < 0) i++;
        else if (c > 0) j++;
        else {
          dup++;
          i++;
          j++;
        }
      }
    }
    if (dup == m) return replacing(other);
    int size = n + m - dup;
    String[] rn = new String[size];
    Value[] rv = new Value[size];
    Span[] rp = positions == null && other.positions == null ? null : new Span[size];
    int i = 0, j = 0, k = 0;
    while (i < n || j < m) {
      int c = i == n ? 1 : j == m ? -1 : compareNames(names[i], other.names[j]);
      if (c < 0) {
        rn[k] = names[i];
        rv[k] = values[i];
        if (rp != null) rp[k] = position(i);
        i++;
      } else {
        rn[k] = other.names[j];
        rv[k] = other.values[j];
        if (rp != null) rp[k] = other.position(j);
        j++;
        if (c == 0) i++;
      }
      k++;
    }
    return new NixAttrs(rn, rv, rp);
  }

  /**
   * {@code this // other} at a site that remembers its last layout: when both sides have the very
   * names arrays of the last call, the result's names array (and its positions array, when both
   * sides' positions arrays are the remembered ones too) is shared with the last result, and the
   * values are placed by the remembered plan, without comparing a name. In the module system most
   * updates join sets made by the same literals over and over (an option declaration with the
   * attributes evaluating adds, a definition with its unwrapped value), so a site nearly always
   * sees one layout.
   */
  public NixAttrs update(NixAttrs other, UpdateSite site) {
    String[] left = names, right = other.names;
    if (right.length == 0) return this;
    if (left.length == 0) return other;
    UpdateSite.Plan plan = site.plan(left, right, positions, other.positions);
    if (plan == null) return update(other);
    int[] from = plan.from;
    int size = from.length;
    Value[] rv = new Value[size];
    Value[] lv = values, ov = other.values;
    for (int k = 0; k < size; k++) {
      int f = from[k];
      rv[k] = f >= 0 ? lv[f] : ov[-1 - f];
    }
    Span[] rp;
    if (plan.leftPositions == positions && plan.rightPositions == other.positions) {
      rp = plan.positions;
    } else if (positions == null && other.positions == null) {
      rp = null;
    } else {
      rp = new Span[size];
      for (int k = 0; k < size; k++) {
        int f = from[k];
        rp[k] = f >= 0 ? position(f) : other.position(-1 - f);
      }
    }
    return new NixAttrs(plan.names, rv, rp);
  }

  /**
   * What one {@code //} site (a node, a module primitive) remembers of the layouts it met, for
   * {@link #update(NixAttrs, UpdateSite)}: a small table of immutable plans indexed by the identity
   * of the two names arrays. Each slot is one reference to a plan with final fields, so a plan
   * written by another thread is seen whole or not at all, and any plan found is correct because it
   * is used only for the very names arrays it was made from. One site may meet many layouts ({@code
   * mkOption}'s {@code spec // { _type = "option"; }} meets one per option literal), so the table
   * grows to a bound; a site that keeps meeting new layouts stops planning.
   */
  public static final class UpdateSite {
    /** Largest result a plan is made for: beyond it the block copies of {@code update} win. */
    private static final int MAX_PLANNED = 48;

    private static final int MAX_TABLE = 256;
    private static final int MAX_PLANS = 2 * MAX_TABLE;

    private Plan[] table;
    private int plans;

    /** The plan for these arrays, made now if need be; null when this site plans no more. */
    private Plan plan(String[] left, String[] right, Span[] leftPos, Span[] rightPos) {
      if (left.length + right.length > MAX_PLANNED) return null;
      int hash = System.identityHashCode(left) * 31 + System.identityHashCode(right);
      Plan[] t = table;
      if (t != null) {
        Plan p = t[hash & (t.length - 1)];
        if (p != null && p.left == left && p.right == right) return p;
      }
      if (plans >= MAX_PLANS) return null;
      plans++;
      Plan p = Plan.of(left, right, leftPos, rightPos);
      if (t == null) {
        t = new Plan[8];
      } else if (plans > t.length / 2 && t.length < MAX_TABLE) {
        Plan[] bigger = new Plan[t.length * 2];
        for (Plan q : t) {
          if (q != null) {
            int h = System.identityHashCode(q.left) * 31 + System.identityHashCode(q.right);
            bigger[h & (bigger.length - 1)] = q;
          }
        }
        t = bigger;
      }
      t[hash & (t.length - 1)] = p;
      table = t;
      return p;
    }

    private record Plan(
        String[] left,
        String[] right,
        Span[] leftPositions,
        Span[] rightPositions,
        String[] names,
        Span[] positions,
        int[] from) {

      /** The plan of {@code left // right}. */
      static Plan of(String[] left, String[] right, Span[] leftPos, Span[] rightPos) {
        int n = left.length, m = right.length;
        String[] rn = new String[n + m];
        int[] from = new int[n + m];
        int i = 0, j = 0, k = 0;
        while (i < n || j < m) {
          int c = i == n ? 1 : j == m ? -1 : compareNames(left[i], right[j]);
          if (c < 0) {
            rn[k] = left[i];
            from[k] = i++;
          } else {
            rn[k] = right[j];
            from[k] = -1 - j++;
            if (c == 0) i++;
          }
          k++;
        }
        // Share an operand's names array when the result has its names: later selections find
        // their remembered layout (see indexOf(String, int)).
        String[] names = k == n ? left : k == m ? right : Arrays.copyOf(rn, k);
        if (k < from.length) from = Arrays.copyOf(from, k);
        Span[] positions = null;
        if (leftPos != null || rightPos != null) {
          positions = new Span[k];
          for (int r = 0; r < k; r++) {
            int f = from[r];
            if (f >= 0) positions[r] = leftPos == null ? null : leftPos[f];
            else positions[r] = rightPos == null ? null : rightPos[-1 - f];
          }
        }
        return new Plan(left, right, leftPos, rightPos, names, positions, from);
      }
    }
  }

  /**
   * {@code this // other} for a few names in {@code other}: each is placed by binary search and the
   * runs of this set between them are block-copied, instead of a name-by-name merge over all of
   * this set ({@code bigSet // { x = …; }} is the module system's common update).
   */
  private NixAttrs updateFew(NixAttrs other) {
    int n = names.length, m = other.names.length;
    int[] at = new int[m];
    int dup = 0;
    for (int j = 0; j < m; j++) {
      at[j] = search(other.names[j]);
      if (at[j] >= 0) dup++;
    }
    if (dup == m) return replacing(other, at);
    int size = n + m - dup;
    String[] rn = new String[size];
    Value[] rv = new Value[size];
    Span[] rp = positions == null && other.positions == null ? null : new Span[size];
    int i = 0, k = 0;
    for (int j = 0; j < m; j++) {
      int p = at[j] >= 0 ? at[j] : -at[j] - 1;
      int run = p - i;
      System.arraycopy(names, i, rn, k, run);
      System.arraycopy(values, i, rv, k, run);
      if (rp != null && positions != null) System.arraycopy(positions, i, rp, k, run);
      k += run;
      i = at[j] >= 0 ? p + 1 : p;
      rn[k] = other.names[j];
      rv[k] = other.values[j];
      if (rp != null) rp[k] = other.position(j);
      k++;
    }
    int run = n - i;
    System.arraycopy(names, i, rn, k, run);
    System.arraycopy(values, i, rv, k, run);
    if (rp != null && positions != null) System.arraycopy(positions, i, rp, k, run);
    return new NixAttrs(rn, rv, rp);
  }

  /**
   * {@code this // { name = …; }}, the most common update ({@code def // { value = …; }}): no index
   * arrays.
   */
  private NixAttrs updateOne(NixAttrs other) {
    int at = search(other.names[0]);
    int n = names.length;
    boolean replace = at >= 0;
    int p = replace ? at : -at - 1;
    int size = replace ? n : n + 1;
    String[] rn = names;
    if (!replace) {
      rn = new String[size];
      System.arraycopy(names, 0, rn, 0, p);
      rn[p] = other.names[0];
      System.arraycopy(names, p, rn, p + 1, n - p);
    }
    Value[] rv = new Value[size];
    Span[] rp = positions == null && other.positions == null ? null : new Span[size];
    int tail = replace ? p + 1 : p;
    System.arraycopy(values, 0, rv, 0, p);
    System.arraycopy(values, tail, rv, p + 1, n - tail);
    rv[p] = other.values[0];
    if (rp != null) {
      if (positions != null) {
        System.arraycopy(positions, 0, rp, 0, p);
        System.arraycopy(positions, tail, rp, p + 1, n - tail);
      }
      rp[p] = other.position(0);
    }
    return new NixAttrs(rn, rv, rp);
  }

  /**
   * {@code this // other} where every name of {@code other} is one of ours: same names, so the
   * array is shared.
   */
  private NixAttrs replacing(NixAttrs other) {
    int m = other.names.length;
    int[] at = new int[m];
    for (int j = 0; j < m; j++) at[j] = search(other.names[j]);
    return replacing(other, at);
  }

  /**
   * As {@link #replacing(NixAttrs)}, with {@code at[j]} the index of {@code other}'s j-th name
   * here.
   */
  private NixAttrs replacing(NixAttrs other, int[] at) {
    // Copies by arraycopy, not clone(): C1 (the launcher's compiler) calls into the VM for every
    // clone.
    Value[] rv = new Value[values.length];
    System.arraycopy(values, 0, rv, 0, rv.length);
    Span[] rp = positions == null && other.positions == null ? null : new Span[names.length];
    if (rp != null && positions != null) System.arraycopy(positions, 0, rp, 0, rp.length);
    for (int j = 0; j < at.length; j++) {
      rv[at[j]] = other.values[j];
      if (rp != null) rp[at[j]] = other.position(j);
    }
    return new NixAttrs(names, rv, rp);
  }

  /**
   * {@code a.compareTo(b)}, answering equal names by identity first: names are interned, so the
   * names two sets share are usually the same object, and {@code compareTo} would walk every
   * character to find them equal.
   */
  public static int compareNames(String a, String b) {
    return a == b ? 0 : a.compareTo(b);
  }

  private static final int SCAN_LIMIT = 16;

  /**
   * The index of {@code name}, or {@code -(insertion point) - 1} when absent (as {@code
   * Arrays.binarySearch}).
   */
  private int search(String name) {
    String[] n = names;
    // Names written in source and in our Java code are interned: in a small set a pointer scan
    // finds them
    // without comparing any characters (a binary search compares strings at every step).
    if (n.length <= SCAN_LIMIT) {
      for (int i = 0; i < n.length; i++) if (n[i] == name) return i;
    }
    int lo = 0, hi = n.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      String s = n[mid];
      if (s == name) return mid;
      int c = s.compareTo(name);
      if (c < 0) lo = mid + 1;
      else if (c > 0) hi = mid - 1;
      else return mid;
    }
    return -(lo + 1);
  }

  /**
   * Indices of the first {@code n} names ordered by name, ties in index order: a bottom-up merge
   * sort on a primitive array (sorting boxed Integers with a comparator allocates and dispatches
   * per comparison); runs already in order cost one comparison each.
   */
  public static int[] stableOrderByName(String[] names, int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) a[i] = i;
    int[] tmp = new int[n];
    for (int width = 1; width < n; width *= 2) {
      for (int lo = 0; lo < n - width; lo += 2 * width) {
        int mid = lo + width, hi = Math.min(lo + 2 * width, n);
        if (compareNames(names[a[mid - 1]], names[a[mid]]) <= 0) continue;
        int i = lo, j = mid, k = lo;
        while (i < mid && j < hi)
          tmp[k++] = compareNames(names[a[j]], names[a[i]]) < 0 ? a[j++] : a[i++];
        while (i < mid) tmp[k++] = a[i++];
        while (j < hi) tmp[k++] = a[j++];
        System.arraycopy(tmp, lo, a, lo, hi - lo);
      }
    }
    return a;
  }

  @Override
  public String typeName() {
    return "set";
  }

  @Override
  public String toString() {
    return "NixAttrs" + Arrays.toString(names);
  }

  public static Builder builder() {
    return new Builder(8);
  }

  public static Builder builder(int capacity) {
    return new Builder(capacity);
  }

  public static NixAttrs of(Map<String, ? extends Value> map) {
    Builder b = builder(map.size());
    map.forEach(b::put);
    return b.build();
  }

  /**
   * Collects attributes in any order; {@link #build()} sorts them. A later {@code put} of the same
   * name replaces the earlier one (as {@code listToAttrs} wants the first, callers use {@link
   * #putIfAbsent}).
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

    public Builder put(String name, Value value) {
      return put(name, value, null);
    }

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

    public int size() {
      return size;
    }

    /** Sorts by name; for duplicates the last put wins unless {@code firstWins}. */
    public NixAttrs build() {
      return build(false);
    }

    public NixAttrs build(boolean firstWins) {
      if (positions != null && positions.length < names.length)
        positions = Arrays.copyOf(positions, names.length);
      if (sorted) {
        return new NixAttrs(
            Arrays.copyOf(names, size),
            Arrays.copyOf(values, size),
            positions == null ? null : Arrays.copyOf(positions, size));
      }
      int[] idx = stableOrderByName(names, size);
      // idx is sorted by (name, insertion order): of each run of equal names keep the first or the
      // last.
      int k = 0;
      for (int i = 0; i < size; i++) {
        int cur = idx[i];
        if (k > 0 && names[idx[k - 1]].equals(names[cur])) {
          if (!firstWins) idx[k - 1] = cur;
        } else {
          idx[k++] = cur;
        }
      }
      String[] rn = new String[k];
      Value[] rv = new Value[k];
      Span[] rp = positions == null ? null : new Span[k];
      for (int i = 0; i < k; i++) {
        int j = idx[i];
        rn[i] = names[j];
        rv[i] = values[j];
        if (rp != null) rp[i] = positions[j];
      }
      return new NixAttrs(rn, rv, rp);
    }
  }
}
