package org.modsvc.nix.eval;

/**
 * Where a variable lives: a lexical slot ({@code depth}, {@code index}), or a list of enclosing
 * {@code with} frames (depths, innermost first) to search at run time.
 */
record Resolved(int depth, int index, int[] withDepths) {
  static Resolved resolve(Scope scope, String name, int skip) {
    int depth = 0;
    Scope s = scope;
    for (int i = 0; i < skip; i++) {
      s = s.parent;
      depth++;
    }
    int[] withs = new int[4];
    int nw = 0;
    for (; s != null; s = s.parent, depth++) {
      if (s.isWith) {
        if (nw == withs.length) withs = java.util.Arrays.copyOf(withs, nw * 2);
        withs[nw++] = depth;
      } else {
        int idx = s.slotOf(name);
        if (idx >= 0) return new Resolved(depth, idx, null);
      }
    }
    return new Resolved(-1, -1, nw == 0 ? null : java.util.Arrays.copyOf(withs, nw));
  }

  boolean isLexical() {
    return depth >= 0;
  }
}
