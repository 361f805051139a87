package org.modsvc.nix.builtins;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.eval.Builtins;
import org.modsvc.nix.eval.EvalState;
import org.modsvc.nix.eval.MemoryLimit;
import org.modsvc.nix.eval.Ops;
import org.modsvc.nix.eval.PendingCall;
import org.modsvc.nix.eval.PrimOp;
import org.modsvc.nix.eval.Types;
import org.modsvc.nix.source.Span;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixBool;
import org.modsvc.nix.value.NixInt;
import org.modsvc.nix.value.NixList;
import org.modsvc.nix.value.Thunk;
import org.modsvc.nix.value.Value;

/** List builtins. Results are lazy in their elements, as in Nix ({@code map} allocates thunks). */
final class ListBuiltins implements Builtins.Group, PrimOp.Bodies {
  // One computation per builtin: see PendingCall.
  private static final Thunk.Deferred<PendingCall> MAPPED =
      c -> c.state().call(c.fn(), c.a(), c.span());
  private static final Thunk.Deferred<PendingCall> GENERATED =
      c -> c.state().call(c.fn(), c.a(), c.span());

  private final EvalState st;

  ListBuiltins(EvalState st) {
    this.st = st;
  }

  /** The builtins this class implements, in registration order. */
  private enum Op {
    LENGTH("length", 1),
    HEAD("head", 1),
    TAIL("tail", 1),
    ELEM_AT("elemAt", 2),
    ELEM("elem", 2),
    MAP("map", 2),
    FILTER("filter", 2),
    FOLDL_STRICT("foldl'", 3),
    GEN_LIST("genList", 2),
    CONCAT_LISTS("concatLists", 1),
    CONCAT_MAP("concatMap", 2),
    ALL("all", 2),
    ANY("any", 2),
    SORT("sort", 2),
    PARTITION("partition", 2),
    GROUP_BY("groupBy", 2);

    final String nixName;
    final int arity;

    Op(String nixName, int arity) {
      this.nixName = nixName;
      this.arity = arity;
    }
  }

  private static final Op[] OPS = Op.values();

  @Override
  public void register(Builtins.Registry r) {
    for (Op op : OPS) r.def(op.nixName, op.arity, this, op.ordinal());
  }

  @Override
  public Value apply(int op, Value[] a, Span sp) {
    return switch (OPS[op]) {
      case LENGTH -> NixInt.of(Types.list(a[0], sp).size());
      case HEAD -> head(a, sp);
      case TAIL -> tail(a, sp);
      case ELEM_AT -> elemAt(a, sp);
      case ELEM -> elem(a, sp);
      case MAP -> map(a, sp);
      case FILTER -> filter(a, sp);
      case FOLDL_STRICT -> foldlStrict(a, sp);
      case GEN_LIST -> genList(a, sp);
      case CONCAT_LISTS -> concat(Types.list(a[0], sp).items(), sp);
      case CONCAT_MAP -> concatMap(a, sp);
      case ALL -> all(a, sp);
      case ANY -> any(a, sp);
      case SORT -> sort(a, sp);
      case PARTITION -> partition(a, sp);
      case GROUP_BY -> groupBy(a, sp);
    };
  }

  private Value head(Value[] a, Span sp) {
    NixList l = Types.list(a[0], sp);
    if (l.size() == 0) throw new EvalException("'builtins.head' called on an empty list", sp);
    return Thunk.force(l.get(0));
  }

  private Value tail(Value[] a, Span sp) {
    NixList l = Types.list(a[0], sp);
    if (l.size() == 0) throw new EvalException("'builtins.tail' called on an empty list", sp);
    Value[] items = new Value[l.size() - 1];
    System.arraycopy(l.items(), 1, items, 0, items.length);
    return new NixList(items);
  }

  private Value elemAt(Value[] a, Span sp) {
    NixList l = Types.list(a[0], sp);
    long i = Types.integer(a[1], sp);
    if (i < 0 || i >= l.size()) {
      throw new EvalException(
          "'builtins.elemAt' called with index " + i + " on a list of size " + l.size(), sp);
    }
    return Thunk.force(l.get((int) i));
  }

  private Value elem(Value[] a, Span sp) {
    for (Value v : Types.list(a[1], sp).items()) if (Ops.equal(a[0], v, sp)) return NixBool.TRUE;
    return NixBool.FALSE;
  }

  // map, filter and sort force the list first and accept any "function" for an empty list, as Nix
  // does.
  private Value map(Value[] a, Span sp) {
    NixList l = Types.list(a[1], sp);
    if (l.size() == 0) return l;
    Types.function(a[0], sp);
    Value f = a[0];
    Value[] out = new Value[l.size()];
    for (int i = 0; i < out.length; i++) {
      Value x = l.get(i);
      out[i] = new Thunk(MAPPED, new PendingCall(st, f, x, null, sp));
    }
    return out.length == 0 ? NixList.EMPTY : new NixList(out);
  }

  private Value filter(Value[] a, Span sp) {
    NixList l = Types.list(a[1], sp);
    if (l.size() == 0) return l;
    Types.function(a[0], sp);
    List<Value> out = new ArrayList<>(l.size());
    for (Value x : l.items()) if (Types.bool(st.call(a[0], x, sp), sp)) out.add(x);
    return out.size() == l.size() ? l : new NixList(out.toArray(new Value[out.size()]));
  }

  private Value foldlStrict(Value[] a, Span sp) {
    Types.function(a[0], sp);
    NixList l = Types.list(a[2], sp);
    Value acc = a[1];
    for (Value x : l.items()) acc = Thunk.force(st.call(a[0], acc, x, sp));
    return Thunk.force(acc);
  }

  private Value genList(Value[] a, Span sp) {
    // The length is checked before the function, as in Nix.
    long n = Types.integer(a[1], sp);
    if (n < 0) throw new EvalException("cannot create list of size " + n, sp);
    Types.function(a[0], sp);
    Value f = a[0];
    Value[] out = new Value[(int) n];
    for (int i = 0; i < n; i++) {
      if ((i & 0xFFFF) == 0) MemoryLimit.check();
      Value idx = NixInt.of(i);
      out[i] = new Thunk(GENERATED, new PendingCall(st, f, idx, null, sp));
    }
    return new NixList(out);
  }

  private Value concatMap(Value[] a, Span sp) {
    Types.function(a[0], sp);
    NixList l = Types.list(a[1], sp);
    Value[] parts = new Value[l.size()];
    for (int i = 0; i < parts.length; i++) parts[i] = st.call(a[0], l.get(i), sp);
    return concat(parts, sp);
  }

  private Value all(Value[] a, Span sp) {
    Types.function(a[0], sp);
    for (Value x : Types.list(a[1], sp).items())
      if (!Types.bool(st.call(a[0], x, sp), sp)) return NixBool.FALSE;
    return NixBool.TRUE;
  }

  private Value any(Value[] a, Span sp) {
    Types.function(a[0], sp);
    for (Value x : Types.list(a[1], sp).items())
      if (Types.bool(st.call(a[0], x, sp), sp)) return NixBool.TRUE;
    return NixBool.FALSE;
  }

  private Value sort(Value[] a, Span sp) {
    NixList l = Types.list(a[1], sp);
    if (l.size() == 0) return l;
    Types.function(a[0], sp);
    Value[] items = l.toArray();
    Value cmp = a[0];
    mergeSort(items, (x, y) -> Types.bool(st.call(cmp, x, y, sp), sp));
    return new NixList(items);
  }

  private Value partition(Value[] a, Span sp) {
    Types.function(a[0], sp);
    List<Value> right = new ArrayList<>(), wrong = new ArrayList<>();
    for (Value x : Types.list(a[1], sp).items()) {
      (Types.bool(st.call(a[0], x, sp), sp) ? right : wrong).add(x);
    }
    return NixAttrs.builder(2)
        .put("right", new NixList(right.toArray(new Value[right.size()])))
        .put("wrong", new NixList(wrong.toArray(new Value[wrong.size()])))
        .build();
  }

  private Value groupBy(Value[] a, Span sp) {
    Types.function(a[0], sp);
    Map<String, List<Value>> groups = new LinkedHashMap<>();
    for (Value x : Types.list(a[1], sp).items()) {
      String key = Types.plainString(st.call(a[0], x, sp), sp);
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(x);
    }
    NixAttrs.Builder b = NixAttrs.builder(groups.size());
    groups.forEach((k, v) -> b.put(k, new NixList(v.toArray(new Value[v.size()]))));
    return b.build();
  }

  private static Value concat(Value[] lists, Span sp) {
    int n = 0;
    NixList[] ls = new NixList[lists.length];
    for (int i = 0; i < lists.length; i++) {
      ls[i] = Types.list(lists[i], sp);
      n += ls[i].size();
    }
    Value[] out = new Value[n];
    int k = 0;
    for (NixList l : ls) {
      System.arraycopy(l.items(), 0, out, k, l.size());
      k += l.size();
    }
    return n == 0 ? NixList.EMPTY : new NixList(out);
  }

  interface Less {
    boolean test(Value a, Value b);
  }

  /**
   * A stable merge sort that tolerates inconsistent comparators (Java's TimSort throws on them,
   * Nix's sort does not). The comparator is "less than", as in Nix.
   */
  static void mergeSort(Value[] a, Less less) {
    if (a.length < 2) return;
    Value[] tmp = new Value[a.length];
    for (int width = 1; width < a.length; width *= 2) {
      for (int lo = 0; lo < a.length - width; lo += 2 * width) {
        int mid = lo + width, hi = Math.min(lo + 2 * width, a.length);
        int i = lo, j = mid, k = lo;
        while (i < mid && j < hi) tmp[k++] = less.test(a[j], a[i]) ? a[j++] : a[i++];
        while (i < mid) tmp[k++] = a[i++];
        while (j < hi) tmp[k++] = a[j++];
        System.arraycopy(tmp, lo, a, lo, hi - lo);
      }
    }
  }
}
