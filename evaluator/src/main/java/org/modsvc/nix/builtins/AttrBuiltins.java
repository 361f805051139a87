package org.modsvc.nix.builtins;

import java.util.ArrayList;
import java.util.List;
import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.eval.Builtins;
import org.modsvc.nix.eval.EvalState;
import org.modsvc.nix.eval.PendingCall;
import org.modsvc.nix.eval.PrimOp;
import org.modsvc.nix.eval.Types;
import org.modsvc.nix.source.Span;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixBool;
import org.modsvc.nix.value.NixList;
import org.modsvc.nix.value.NixString;
import org.modsvc.nix.value.Thunk;
import org.modsvc.nix.value.Value;

/** Attribute-set builtins. */
final class AttrBuiltins implements Builtins.Group, PrimOp.Bodies {
  // One computation per builtin: see PendingCall.
  private static final Thunk.Deferred<PendingCall> MAPPED =
      c -> c.state().call(c.fn(), c.a(), c.b(), c.span());
  private static final Thunk.Deferred<PendingCall> ZIPPED =
      c -> c.state().call(c.fn(), c.a(), c.b(), c.span());

  private final EvalState st;

  AttrBuiltins(EvalState st) {
    this.st = st;
  }

  /** The builtins this class implements, in registration order. */
  private enum Op {
    ATTR_NAMES("attrNames", 1),
    ATTR_VALUES("attrValues", 1),
    GET_ATTR("getAttr", 2),
    HAS_ATTR("hasAttr", 2),
    REMOVE_ATTRS("removeAttrs", 2),
    LIST_TO_ATTRS("listToAttrs", 1),
    INTERSECT_ATTRS("intersectAttrs", 2),
    CAT_ATTRS("catAttrs", 2),
    MAP_ATTRS("mapAttrs", 2),
    ZIP_ATTRS_WITH("zipAttrsWith", 2);

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
      case ATTR_NAMES -> attrNames(a, sp);
      case ATTR_VALUES -> new NixList(Types.attrs(a[0], sp).values().clone());
      case GET_ATTR -> getAttr(a, sp);
      case HAS_ATTR -> hasAttr(a, sp);
      case REMOVE_ATTRS -> removeAttrs(Types.attrs(a[0], sp), Types.list(a[1], sp), sp);
      case LIST_TO_ATTRS -> listToAttrs(a, sp);
      case INTERSECT_ATTRS -> intersectAttrs(a, sp);
      case CAT_ATTRS -> catAttrs(a, sp);
      case MAP_ATTRS -> mapAttrs(a, sp);
      case ZIP_ATTRS_WITH -> zipAttrsWithBuiltin(a, sp);
    };
  }

  private Value attrNames(Value[] a, Span sp) {
    NixAttrs attrs = Types.attrs(a[0], sp);
    Value[] out = new Value[attrs.size()];
    for (int i = 0; i < out.length; i++) out[i] = NixString.of(attrs.name(i));
    return new NixList(out);
  }

  private Value getAttr(Value[] a, Span sp) {
    String name = Types.plainString(a[0], sp);
    NixAttrs attrs = Types.attrs(a[1], sp);
    Value v = attrs.get(name);
    if (v == null) v = attrs.missing(name);
    if (v == null) throw new EvalException("attribute '" + name + "' missing", sp);
    return Thunk.force(v);
  }

  private Value hasAttr(Value[] a, Span sp) {
    String name = Types.plainString(a[0], sp);
    NixAttrs attrs = Types.attrs(a[1], sp);
    return NixBool.of(attrs.has(name) || attrs.missing(name) != null);
  }

  private Value listToAttrs(Value[] a, Span sp) {
    NixList l = Types.list(a[0], sp);
    NixAttrs.Builder b = NixAttrs.builder(l.size());
    for (Value item : l.items()) {
      NixAttrs e = Types.attrs(item, sp);
      Value n = e.get("name");
      if (n == null) throw new EvalException("attribute 'name' missing", sp);
      String name = Types.plainString(n, sp);
      Value v = e.get("value");
      if (v == null) throw new EvalException("attribute 'value' missing", sp);
      b.put(name, v, e.positionOf("name"));
    }
    return b.build(true);
  }

  private Value intersectAttrs(Value[] a, Span sp) {
    NixAttrs x = Types.attrs(a[0], sp), y = Types.attrs(a[1], sp);
    NixAttrs.Builder b = NixAttrs.builder(Math.min(x.size(), y.size()));
    for (int i = 0; i < y.size(); i++)
      if (x.has(y.name(i))) b.put(y.name(i), y.value(i), y.position(i));
    return b.build();
  }

  private Value catAttrs(Value[] a, Span sp) {
    String name = Types.plainString(a[0], sp);
    List<Value> out = new ArrayList<>();
    for (Value v : Types.list(a[1], sp).items()) {
      Value x = Types.attrs(v, sp).get(name);
      if (x != null) out.add(x);
    }
    return new NixList(out.toArray(new Value[out.size()]));
  }

  // The function is not checked here: Nix only fails when a value is forced (and with a call
  // error).
  private Value mapAttrs(Value[] a, Span sp) {
    NixAttrs attrs = Types.attrs(a[1], sp);
    Value f = a[0];
    Value[] vs = new Value[attrs.size()];
    for (int i = 0; i < vs.length; i++) {
      Value name = NixString.of(attrs.name(i));
      Value v = attrs.value(i);
      vs[i] = new Thunk(MAPPED, new PendingCall(st, f, name, v, sp));
    }
    return new NixAttrs(attrs.names(), vs, null);
  }

  private Value zipAttrsWithBuiltin(Value[] a, Span sp) {
    Types.function(a[0], sp);
    return zipAttrsWith(st, a[0], Types.list(a[1], sp), sp);
  }

  /**
   * The removed names are looked up by binary search and the result built from the kept runs: the
   * module system calls this on every option declaration, and a hash set of the names plus a
   * builder (which copies again) cost more than the removal itself.
   */
  private static NixAttrs removeAttrs(NixAttrs attrs, NixList names, Span sp) {
    boolean[] drop = null;
    int dropped = 0;
    for (Value v : names.items()) {
      int i = attrs.indexOf(Types.plainString(v, sp));
      if (i < 0) continue;
      if (drop == null) drop = new boolean[attrs.size()];
      if (!drop[i]) {
        drop[i] = true;
        dropped++;
      }
    }
    return attrs.without(drop, dropped);
  }

  /**
   * Each input set is sorted, so the (name, value) pairs of all of them, ordered by name and then
   * by list position, group every name's values in list order; one stable sort over two flat arrays
   * replaces a map of growing lists per name.
   */
  private static NixAttrs zipAttrsWith(EvalState st, Value f, NixList sets, Span sp) {
    NixAttrs[] ss = new NixAttrs[sets.size()];
    int total = 0;
    for (int i = 0; i < ss.length; i++) {
      ss[i] = Types.attrs(sets.get(i), sp);
      total += ss[i].size();
    }
    String[] names = new String[total];
    Value[] values = new Value[total];
    int k = 0;
    for (NixAttrs s : ss) {
      System.arraycopy(s.names(), 0, names, k, s.size());
      System.arraycopy(s.values(), 0, values, k, s.size());
      k += s.size();
    }
    int[] order = NixAttrs.stableOrderByName(names, names.length);
    List<String> outNames = new ArrayList<>();
    List<Value> outValues = new ArrayList<>();
    for (int i = 0; i < total; ) {
      int j = i + 1;
      String n = names[order[i]];
      while (j < total && names[order[j]].equals(n)) j++;
      Value[] group = new Value[j - i];
      for (int g = 0; g < group.length; g++) group[g] = values[order[i + g]];
      Value name = NixString.of(n);
      Value list = new NixList(group);
      outNames.add(n);
      outValues.add(new Thunk(ZIPPED, new PendingCall(st, f, name, list, sp)));
      i = j;
    }
    return new NixAttrs(
        outNames.toArray(new String[outNames.size()]),
        outValues.toArray(new Value[outValues.size()]),
        null);
  }
}
