package org.modsvc.nix.value;

/**
 * How {@code a // b} lays out for one pair of names arrays: the names of the result and, per result attribute,
 * where its value comes from ({@code i >= 0}: the left set's {@code i}-th; {@code i < 0}: the right set's
 * {@code -i-1}-th). Sets built by the same literal, and the results of the same update, share their names
 * array, so the module system's updates ({@code opt // { value = …; … }} for every option, {@code def // { … }})
 * repeat a few layouts millions of times: a remembered plan replaces the name-by-name merge (string comparisons)
 * with an index copy, and the result shares the plan's names array, which lets the next update find its plan too.
 *
 * <p>Plans live in a small direct-mapped table keyed by the identities of both arrays; a colliding pair just
 * replaces the entry. Entries are immutable, so evaluations on other threads at worst recompute a plan.
 */
record UpdatePlan(String[] left, String[] right, String[] names, int[] from) {
  private static final UpdatePlan[] TABLE = new UpdatePlan[1024];

  /**
   * The plan for {@code left // right} if this pair of arrays was seen before, otherwise null (the caller merges by
   * name). A pair seen once is only noted: many updates involve a freshly built set and never repeat, and computing
   * a plan for them would cost more than the merge it replaces.
   */
  static UpdatePlan of(String[] left, String[] right) {
    int slot = (System.identityHashCode(left) * 31 + System.identityHashCode(right)) & (TABLE.length - 1);
    UpdatePlan plan = TABLE[slot];
    if (plan != null && plan.left == left && plan.right == right) {
      if (plan.names != null) return plan;
      plan = merge(left, right);
    } else {
      plan = new UpdatePlan(left, right, null, null);
    }
    TABLE[slot] = plan;
    return plan.names == null ? null : plan;
  }

  private static UpdatePlan merge(String[] left, String[] right) {
    int n = left.length, m = right.length;
    String[] names = new String[n + m];
    int[] from = new int[n + m];
    int i = 0, j = 0, k = 0;
    while (i < n || j < m) {
      int c = i == n ? 1 : j == m ? -1 : left[i] == right[j] ? 0 : left[i].compareTo(right[j]);
      if (c < 0) {
        names[k] = left[i];
        from[k] = i++;
      } else {
        names[k] = right[j];
        from[k] = -(j++) - 1;
        if (c == 0) i++;
      }
      k++;
    }
    if (k < n + m) {
      names = java.util.Arrays.copyOf(names, k);
      from = java.util.Arrays.copyOf(from, k);
    }
    // A result with exactly the left names shares that array (as an update that only replaces values does).
    if (k == n) names = left;
    return new UpdatePlan(left, right, names, from);
  }
}
