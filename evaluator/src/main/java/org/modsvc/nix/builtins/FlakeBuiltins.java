package org.modsvc.nix.builtins;

import java.util.Map;
import java.util.TreeMap;
import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.eval.Builtins;
import org.modsvc.nix.eval.PrimOp;
import org.modsvc.nix.eval.Types;
import org.modsvc.nix.source.Span;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixBool;
import org.modsvc.nix.value.NixInt;
import org.modsvc.nix.value.NixString;
import org.modsvc.nix.value.Thunk;
import org.modsvc.nix.value.Value;

/**
 * {@code builtins.parseFlakeRef} and {@code builtins.flakeRefToString}: pure conversions between
 * the two forms of a flake reference (see {@link FlakeRefs}); no registry lookup and no fetching.
 */
final class FlakeBuiltins implements Builtins.Group, PrimOp.Bodies {
  /** The builtins this class implements, in registration order. */
  private enum Op {
    PARSE_FLAKE_REF("parseFlakeRef", 1),
    FLAKE_REF_TO_STRING("flakeRefToString", 1);

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
      case PARSE_FLAKE_REF -> parseFlakeRef(a, sp);
      case FLAKE_REF_TO_STRING -> flakeRefToString(a, sp);
    };
  }

  private Value parseFlakeRef(Value[] a, Span sp) {
    NixString s = Types.string(a[0], sp);
    if (!s.context().isEmpty()) {
      throw new EvalException(
          "the string '"
              + s.value()
              + "' is not allowed to refer to a store path (such as '"
              + s.context().iterator().next()
              + "')",
          sp);
    }
    TreeMap<String, Object> attrs;
    try {
      attrs = FlakeRefs.parse(s.value());
    } catch (FlakeRefs.FlakeRefException e) {
      throw new EvalException(e.getMessage(), sp);
    }
    NixAttrs.Builder b = NixAttrs.builder(attrs.size());
    attrs.forEach((k, v) -> b.put(k, toValue(v)));
    return b.build();
  }

  private Value flakeRefToString(Value[] a, Span sp) {
    NixAttrs in = Types.attrs(a[0], sp);
    Map<String, Object> attrs = new TreeMap<>();
    for (int i = 0; i < in.size(); i++) {
      String name = in.name(i);
      Value v = Thunk.force(in.value(i));
      if (v instanceof NixInt n) {
        if (n.value() < 0) {
          throw new EvalException(
              "negative value given for flake ref attr " + name + ": " + n.value(), sp);
        }
        attrs.put(name, n.value());
      } else if (v instanceof NixBool bool) {
        attrs.put(name, bool.value());
      } else if (v instanceof NixString str) {
        attrs.put(name, str.value());
      } else {
        throw new EvalException(
            "flake reference attribute sets may only contain integers, Booleans, and "
                + "strings, but attribute '"
                + name
                + "' is "
                + Types.showType(v),
            sp);
      }
    }
    try {
      return NixString.of(FlakeRefs.toUrl(attrs));
    } catch (FlakeRefs.FlakeRefException e) {
      throw new EvalException(e.getMessage(), sp);
    }
  }

  private static Value toValue(Object v) {
    if (v instanceof Long n) return NixInt.of(n);
    if (v instanceof Boolean b) return NixBool.of(b);
    return NixString.of((String) v);
  }
}
