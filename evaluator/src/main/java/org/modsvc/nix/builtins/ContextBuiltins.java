package org.modsvc.nix.builtins;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.eval.Builtins;
import org.modsvc.nix.eval.EvalState;
import org.modsvc.nix.eval.PrimOp;
import org.modsvc.nix.eval.Types;
import org.modsvc.nix.source.Span;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixBool;
import org.modsvc.nix.value.NixList;
import org.modsvc.nix.value.NixString;
import org.modsvc.nix.value.Value;

/**
 * String-context builtins. Context elements are encoded as Nix does: {@code /nix/store/p} (an
 * opaque path), {@code =/nix/store/d.drv} (a derivation and all its outputs), {@code
 * !out!/nix/store/d.drv}.
 */
final class ContextBuiltins implements Builtins.Group, PrimOp.Bodies {
  private final EvalState st;

  ContextBuiltins(EvalState st) {
    this.st = st;
  }

  /** The builtins this class implements, in registration order. */
  private enum Op {
    UNSAFE_DISCARD_STRING_CONTEXT("unsafeDiscardStringContext", 1),
    HAS_CONTEXT("hasContext", 1),
    UNSAFE_DISCARD_OUTPUT_DEPENDENCY("unsafeDiscardOutputDependency", 1),
    ADD_DRV_OUTPUT_DEPENDENCIES("addDrvOutputDependencies", 1),
    GET_CONTEXT("getContext", 1),
    APPEND_CONTEXT("appendContext", 2);

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
      case UNSAFE_DISCARD_STRING_CONTEXT ->
          NixString.of(st.coerceToString(a[0], sp, false, false).value());
      case HAS_CONTEXT -> NixBool.of(Types.string(a[0], sp).hasContext());
      case UNSAFE_DISCARD_OUTPUT_DEPENDENCY -> unsafeDiscardOutputDependency(a, sp);
      case ADD_DRV_OUTPUT_DEPENDENCIES -> addDrvOutputDependencies(a, sp);
      case GET_CONTEXT -> getContext(a, sp);
      case APPEND_CONTEXT -> appendContext(a, sp);
    };
  }

  private Value unsafeDiscardOutputDependency(Value[] a, Span sp) {
    NixString s = st.coerceToString(a[0], sp, false, false);
    Set<String> ctx = new LinkedHashSet<>();
    for (String c : s.context()) ctx.add(c.startsWith("=") ? c.substring(1) : c);
    return new NixString(s.value(), ctx);
  }

  private Value addDrvOutputDependencies(Value[] a, Span sp) {
    NixString s = st.coerceToString(a[0], sp, false, false);
    if (s.context().size() != 1) {
      throw new EvalException(
          "context of string '"
              + s.value()
              + "' must have exactly one element, but has "
              + s.context().size(),
          sp);
    }
    String c = s.context().iterator().next();
    if (c.startsWith("!")) {
      throw new EvalException(
          "`addDrvOutputDependencies` can only act on derivations, not on a derivation output "
              + "such as '"
              + c.substring(1, c.indexOf('!', 1))
              + "'",
          sp);
    }
    if (c.startsWith("=")) return s;
    if (!c.endsWith(".drv")) {
      throw new EvalException("path '" + c + "' is not a derivation", sp);
    }
    return new NixString(s.value(), Set.of("=" + c));
  }

  private Value getContext(Value[] a, Span sp) {
    NixString s = Types.string(a[0], sp);
    Map<String, boolean[]> flags = new TreeMap<>();
    Map<String, List<String>> outputs = new TreeMap<>();
    for (String c : s.context()) {
      if (c.startsWith("=")) {
        flags.computeIfAbsent(c.substring(1), k -> new boolean[2])[1] = true;
      } else if (c.startsWith("!")) {
        int bang = c.indexOf('!', 1);
        String out = c.substring(1, bang), drv = c.substring(bang + 1);
        flags.computeIfAbsent(drv, k -> new boolean[2]);
        outputs.computeIfAbsent(drv, k -> new ArrayList<>()).add(out);
      } else {
        flags.computeIfAbsent(c, k -> new boolean[2])[0] = true;
      }
    }
    NixAttrs.Builder b = NixAttrs.builder(flags.size());
    flags.forEach(
        (path, f) -> {
          NixAttrs.Builder e = NixAttrs.builder(3);
          if (f[1]) e.put("allOutputs", NixBool.TRUE);
          List<String> outs = outputs.get(path);
          if (outs != null) {
            outs.sort(null);
            Value[] vs = new Value[outs.size()];
            for (int i = 0; i < vs.length; i++) vs[i] = NixString.of(outs.get(i));
            e.put("outputs", new NixList(vs));
          }
          if (f[0]) e.put("path", NixBool.TRUE);
          b.put(path, e.build());
        });
    return b.build();
  }

  private Value appendContext(Value[] a, Span sp) {
    NixString s = Types.string(a[0], sp);
    NixAttrs ctx = Types.attrs(a[1], sp);
    Set<String> out = new LinkedHashSet<>(s.context());
    for (int i = 0; i < ctx.size(); i++) {
      String path = ctx.name(i);
      if (!st.store().isStorePath(path)) {
        throw new EvalException("context key '" + path + "' is not a store path", sp);
      }
      NixAttrs info = Types.attrs(ctx.value(i), sp);
      Value p = info.get("path");
      if (p != null && Types.bool(p, sp)) out.add(path);
      Value all = info.get("allOutputs");
      if (all != null && Types.bool(all, sp)) {
        if (!path.endsWith(".drv")) {
          throw new EvalException(
              "tried to add all-outputs context of "
                  + path
                  + ", which is not a derivation, to a string",
              sp);
        }
        out.add("=" + path);
      }
      Value outs = info.get("outputs");
      if (outs != null) {
        NixList l = Types.list(outs, sp);
        if (l.size() > 0 && !path.endsWith(".drv")) {
          throw new EvalException(
              "tried to add derivation output context of "
                  + path
                  + ", which is not a derivation, to a string",
              sp);
        }
        for (Value o : l.items()) out.add("!" + Types.plainString(o, sp) + "!" + path);
      }
    }
    return new NixString(s.value(), out);
  }
}
