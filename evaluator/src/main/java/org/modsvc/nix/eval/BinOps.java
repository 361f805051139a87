package org.modsvc.nix.eval;

import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.source.Span;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixBool;
import org.modsvc.nix.value.NixFloat;
import org.modsvc.nix.value.NixInt;
import org.modsvc.nix.value.NixList;
import org.modsvc.nix.value.NixPath;
import org.modsvc.nix.value.NixString;
import org.modsvc.nix.value.Value;

/**
 * Binary operators. Each operator is its own node so the hot path has no dispatch on the operator.
 */
final class BinOps {
  private BinOps() {}

  abstract static class Bin extends Node {
    final Node left, right;

    Bin(Node left, Node right, Span span) {
      super(span);
      this.left = left;
      this.right = right;
    }
  }

  /**
   * {@code +}: numbers add; otherwise the left operand decides between path and string
   * concatenation.
   */
  static final class Add extends Bin {
    Add(Node l, Node r, Span span) {
      super(l, r, span);
    }

    @Override
    public Value eval(Env env) {
      EvalState state = env.state;
      Value a = left.eval(env);
      Value b = right.eval(env);
      if (a instanceof NixInt || a instanceof NixFloat) {
        // As Nix: a number plus something else is reported at the operand that is not a number.
        return Ops.add(a, b, b instanceof NixInt || b instanceof NixFloat ? span : right.span);
      }
      if (a instanceof NixPath p) {
        if (b instanceof NixPath q) return new NixPath(Paths.canonicalize(p.path() + q.path()));
        NixString s = state.coerceToString(b, span, false, false);
        if (s.hasContext()) {
          throw new EvalException(
              "a string that refers to a store path cannot be appended to a path", span);
        }
        return new NixPath(Paths.canonicalize(p.path() + s.value()));
      }
      if (a instanceof NixString || a instanceof NixAttrs) {
        NixString x = state.coerceToString(a, span, false, true);
        NixString y = state.coerceToString(b, span, false, true);
        if (y.value().isEmpty() && !y.hasContext()) return x;
        return new NixString(
            x.value() + y.value(), EvalState.unionContext(x.context(), y.context()));
      }
      throw new EvalException("cannot add " + Types.showType(b) + " to " + Types.showType(a), span);
    }
  }

  static final class Sub extends Bin {
    Sub(Node l, Node r, Span span) {
      super(l, r, span);
    }

    @Override
    public Value eval(Env env) {
      return Ops.sub(left.eval(env), right.eval(env), span);
    }
  }

  static final class Mul extends Bin {
    Mul(Node l, Node r, Span span) {
      super(l, r, span);
    }

    @Override
    public Value eval(Env env) {
      return Ops.mul(left.eval(env), right.eval(env), span);
    }
  }

  static final class Div extends Bin {
    Div(Node l, Node r, Span span) {
      super(l, r, span);
    }

    @Override
    public Value eval(Env env) {
      return Ops.div(left.eval(env), right.eval(env), span);
    }
  }

  static final class Concat extends Bin {
    Concat(Node l, Node r, Span span) {
      super(l, r, span);
    }

    @Override
    public Value eval(Env env) {
      NixList a = Types.list(left.eval(env), span);
      NixList b = Types.list(right.eval(env), span);
      if (a.size() == 0) return b;
      if (b.size() == 0) return a;
      Value[] r = new Value[a.size() + b.size()];
      System.arraycopy(a.items(), 0, r, 0, a.size());
      System.arraycopy(b.items(), 0, r, a.size(), b.size());
      return new NixList(r);
    }
  }

  static final class Update extends Bin {
    /** This site's last layout (a hint: see {@link NixAttrs.UpdateSite}). */
    private final NixAttrs.UpdateSite site = new NixAttrs.UpdateSite();

    Update(Node l, Node r, Span span) {
      super(l, r, span);
    }

    @Override
    public Value eval(Env env) {
      NixAttrs a;
      try {
        a = Types.attrs(left.eval(env), span);
      } catch (EvalException e) {
        throw e.addTrace("in the left operand of the update (//) operator", span);
      }
      NixAttrs b;
      try {
        b = Types.attrs(right.eval(env), span);
      } catch (EvalException e) {
        throw e.addTrace("in the right operand of the update (//) operator", span);
      }
      return a.update(b, site);
    }
  }

  static final class Eq extends Bin {
    final boolean negate;

    /** The right operand when it is a literal ({@code x._type or "" == "override"}), else null. */
    private final Value rightConst;

    Eq(Node l, Node r, boolean negate, Span span) {
      super(l, r, span);
      this.negate = negate;
      this.rightConst = r instanceof Nodes.Const c ? c.value : null;
    }

    @Override
    public Value eval(Env env) {
      return NixBool.of(test(env));
    }

    /**
     * The comparison as a final method: {@code if} calls it directly when its condition is an
     * equality (half of all conditions), instead of a megamorphic {@code eval} and a Boolean value
     * to test.
     */
    boolean test(Env env) {
      Value c = rightConst;
      return Ops.equal(left.eval(env), c != null ? c : right.eval(env), span) != negate;
    }
  }

  /**
   * {@code <}, {@code <=}, {@code >}, {@code >=} all reduce to lessThan, as Nix's desugaring does.
   */
  static final class Compare extends Bin {
    final Expr2 kind;

    enum Expr2 {
      LT,
      LE,
      GT,
      GE
    }

    Compare(Node l, Node r, Expr2 kind, Span span) {
      super(l, r, span);
      this.kind = kind;
    }

    @Override
    public Value eval(Env env) {
      Value a = left.eval(env);
      Value b = right.eval(env);
      switch (kind) {
        case LT:
          return NixBool.of(Ops.lessThan(a, b, span));
        case GT:
          return NixBool.of(Ops.lessThan(b, a, span));
        case LE:
          return NixBool.of(!Ops.lessThan(b, a, span));
        default:
          return NixBool.of(!Ops.lessThan(a, b, span));
      }
    }
  }

  /**
   * Forces a Boolean operand of a logical operator, naming the operand in the trace as Nix does.
   */
  static boolean operand(Node n, Env env, String side, String op) {
    try {
      return Types.bool(n.eval(env), n.span);
    } catch (EvalException e) {
      throw e.addTrace("in the " + side + " operand of the " + op + " operator", n.span);
    }
  }

  static final class And extends Bin {
    And(Node l, Node r, Span span) {
      super(l, r, span);
    }

    @Override
    public Value eval(Env env) {
      return NixBool.of(
          operand(left, env, "left", "AND (&&)") && operand(right, env, "right", "AND (&&)"));
    }
  }

  static final class Or extends Bin {
    Or(Node l, Node r, Span span) {
      super(l, r, span);
    }

    @Override
    public Value eval(Env env) {
      return NixBool.of(
          operand(left, env, "left", "OR (||)") || operand(right, env, "right", "OR (||)"));
    }
  }

  static final class Impl extends Bin {
    Impl(Node l, Node r, Span span) {
      super(l, r, span);
    }

    @Override
    public Value eval(Env env) {
      return NixBool.of(
          !operand(left, env, "left", "IMPL (->)") || operand(right, env, "right", "IMPL (->)"));
    }
  }
}
