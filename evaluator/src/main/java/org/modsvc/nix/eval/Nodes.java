package org.modsvc.nix.eval;

import java.util.LinkedHashSet;
import java.util.Set;
import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.error.ThrownError;
import org.modsvc.nix.source.Span;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixBool;
import org.modsvc.nix.value.NixInt;
import org.modsvc.nix.value.NixList;
import org.modsvc.nix.value.NixPath;
import org.modsvc.nix.value.NixString;
import org.modsvc.nix.value.Thunk;
import org.modsvc.nix.value.Value;

/** The executable nodes for variables, control flow, lists, strings and paths. */
final class Nodes {
  private Nodes() {}

  /** A literal: evaluated once at compile time, never wrapped in a thunk. */
  static final class Const extends Node {
    final Value value;

    Const(Value value, Span span) {
      super(span);
      this.value = value;
    }

    @Override
    public Value eval(Env env) {
      return value;
    }

    @Override
    public Value lazy(Env env) {
      return value;
    }
  }

  /**
   * A variable in a lexical frame {@code depth} levels up. Created through {@link #local}, which
   * picks a subclass for the common shapes (the frame itself or its parent; slot 0, which {@link
   * Env} keeps in a field): variable reads are the most frequent operation, and each shape then
   * runs without a loop or a branch on the slot number.
   */
  abstract static class Local extends Node {
    final int depth;
    final int index;
    final String name;

    Local(int depth, int index, String name, Span span) {
      super(span);
      this.depth = depth;
      this.index = index;
      this.name = name;
    }

    /**
     * The variable's value, forced: what {@link #eval} does, as a final method. Nodes whose operand
     * is a variable (the target of most selections, the function of most calls) read it through
     * this instead of a call on the operand: {@code eval} is a megamorphic call site there, which
     * the JIT cannot inline.
     */
    final Value read(Env env) {
      Env e = env.at(depth);
      Value v;
      if (index == 0) {
        v = e.slot0;
        if (v instanceof Thunk t) e.slot0 = v = t.force();
      } else {
        Value[] rest = e.rest;
        int r = index - 1;
        v = rest[r];
        if (v instanceof Thunk t) rest[r] = v = t.force();
      }
      return v;
    }

    /** {@code n} when it is a variable, else null: for the operand fields {@link #read} serves. */
    static Local orNull(Node n) {
      return n instanceof Local l ? l : null;
    }

    /**
     * The slot's content, not forced: what {@link #lazy} does, as a final method (see {@link
     * #read}).
     */
    final Value peek(Env env) {
      Env e = env.at(depth);
      return index == 0 ? e.slot0 : e.rest[index - 1];
    }
  }

  static Local local(int depth, int index, String name, Span span) {
    if (index == 0) {
      if (depth == 0) return new LocalHere0(name, span);
      if (depth == 1) return new LocalUp0(name, span);
      return new LocalFar0(depth, name, span);
    }
    if (depth == 0) return new LocalHere(index, name, span);
    if (depth == 1) return new LocalUp(index, name, span);
    return new LocalFar(depth, index, name, span);
  }

  /** Slot 0 of the current frame (a plain function's argument, a {@code with} set). */
  static final class LocalHere0 extends Local {
    LocalHere0(String name, Span span) {
      super(0, 0, name, span);
    }

    @Override
    public Value eval(Env env) {
      Value v = env.slot0;
      if (v instanceof Thunk t) env.slot0 = v = t.force();
      return v;
    }

    @Override
    public Value lazy(Env env) {
      return env.slot0;
    }
  }

  static final class LocalUp0 extends Local {
    LocalUp0(String name, Span span) {
      super(1, 0, name, span);
    }

    @Override
    public Value eval(Env env) {
      Env e = env.up;
      Value v = e.slot0;
      if (v instanceof Thunk t) e.slot0 = v = t.force();
      return v;
    }

    @Override
    public Value lazy(Env env) {
      return env.up.slot0;
    }
  }

  static final class LocalFar0 extends Local {
    LocalFar0(int depth, String name, Span span) {
      super(depth, 0, name, span);
    }

    @Override
    public Value eval(Env env) {
      Env e = env.at(depth);
      Value v = e.slot0;
      if (v instanceof Thunk t) e.slot0 = v = t.force();
      return v;
    }

    @Override
    public Value lazy(Env env) {
      return env.at(depth).slot0;
    }
  }

  static final class LocalHere extends Local {
    final int restIndex;

    LocalHere(int index, String name, Span span) {
      super(0, index, name, span);
      restIndex = index - 1;
    }

    @Override
    public Value eval(Env env) {
      Value[] rest = env.rest;
      Value v = rest[restIndex];
      if (v instanceof Thunk t) rest[restIndex] = v = t.force();
      return v;
    }

    @Override
    public Value lazy(Env env) {
      return env.rest[restIndex];
    }
  }

  static final class LocalUp extends Local {
    final int restIndex;

    LocalUp(int index, String name, Span span) {
      super(1, index, name, span);
      restIndex = index - 1;
    }

    @Override
    public Value eval(Env env) {
      Value[] rest = env.up.rest;
      Value v = rest[restIndex];
      if (v instanceof Thunk t) rest[restIndex] = v = t.force();
      return v;
    }

    @Override
    public Value lazy(Env env) {
      return env.up.rest[restIndex];
    }
  }

  static final class LocalFar extends Local {
    final int restIndex;

    LocalFar(int depth, int index, String name, Span span) {
      super(depth, index, name, span);
      restIndex = index - 1;
    }

    @Override
    public Value eval(Env env) {
      Value[] rest = env.at(depth).rest;
      Value v = rest[restIndex];
      if (v instanceof Thunk t) rest[restIndex] = v = t.force();
      return v;
    }

    @Override
    public Value lazy(Env env) {
      return env.at(depth).rest[restIndex];
    }
  }

  /**
   * A variable not bound lexically: looked up in the enclosing {@code with} sets, innermost first.
   */
  static final class WithLookup extends Node {
    final String name;
    final int[] withDepths;

    WithLookup(String name, int[] withDepths, Span span) {
      super(span);
      this.name = name;
      this.withDepths = withDepths;
    }

    @Override
    public Value eval(Env env) {
      for (int d : withDepths) {
        Env e = env.at(d);
        NixAttrs attrs = Types.attrs(e.slot0, span);
        Value v = attrs.get(name);
        if (v != null) return Thunk.force(v);
      }
      throw new EvalException("undefined variable '" + name + "'", span);
    }
  }

  static final class With extends Node {
    final Node scope;
    final Node body;

    With(Node scope, Node body, Span span) {
      super(span);
      this.scope = scope;
      this.body = body;
    }

    @Override
    public Value eval(Env env) {
      Env inner = new Env(env, scope.lazy(env));
      return body.eval(inner);
    }
  }

  static final class If extends Node {
    final Node cond, then, otherwise;

    /** The condition when it is an equality (see {@link BinOps.Eq#test}), else null. */
    private final BinOps.Eq eq;

    If(Node cond, Node then, Node otherwise, Span span) {
      super(span);
      this.cond = cond;
      this.then = then;
      this.otherwise = otherwise;
      this.eq = cond instanceof BinOps.Eq e ? e : null;
    }

    @Override
    public Value eval(Env env) {
      BinOps.Eq q = eq;
      if (q != null) return q.test(env) ? then.eval(env) : otherwise.eval(env);
      Value c = cond.eval(env);
      if (c == NixBool.TRUE) return then.eval(env);
      if (c == NixBool.FALSE) return otherwise.eval(env);
      try {
        return Types.bool(c, cond.span) ? then.eval(env) : otherwise.eval(env);
      } catch (EvalException e) {
        throw e.addTrace("while evaluating a branch condition", cond.span);
      }
    }
  }

  static final class Assert extends Node {
    final Node cond, body;
    final String text;

    Assert(Node cond, Node body, String text, Span span) {
      super(span);
      this.cond = cond;
      this.body = body;
      this.text = text;
    }

    @Override
    public Value eval(Env env) {
      boolean ok;
      try {
        ok = Types.bool(cond.eval(env), cond.span);
      } catch (EvalException e) {
        throw e.addTrace("while evaluating the condition of the assertion '" + text + "'", span);
      }
      if (!ok) {
        if (cond instanceof BinOps.Eq eq && !eq.negate) {
          // Nix explains which parts of an equality differed.
          String why = Equality.explain(eq.left.eval(env), eq.right.eval(env), span);
          if (why != null) {
            ThrownError err = new ThrownError(why, span);
            err.addTrace("while evaluating the condition of the assertion '" + text + "'", span);
            throw err;
          }
        }
        throw new ThrownError("assertion '" + text + "' failed", span);
      }
      return body.eval(env);
    }
  }

  static final class ListLit extends Node {
    final Node[] items;

    ListLit(Node[] items, Span span) {
      super(span);
      this.items = items;
    }

    @Override
    public Value eval(Env env) {
      if (items.length == 0) return NixList.EMPTY;
      Value[] vs = new Value[items.length];
      for (int i = 0; i < vs.length; i++) vs[i] = items[i].lazy(env);
      return new NixList(vs);
    }

    @Override
    public Value lazy(Env env) {
      return eval(env);
    }
  }

  static final class Not extends Node {
    final Node operand;

    Not(Node operand, Span span) {
      super(span);
      this.operand = operand;
    }

    @Override
    public Value eval(Env env) {
      return NixBool.of(!Types.bool(operand.eval(env), span));
    }
  }

  static final class Neg extends Node {
    final Node operand;

    Neg(Node operand, Span span) {
      super(span);
      this.operand = operand;
    }

    @Override
    public Value eval(Env env) {
      return Ops.sub(NixInt.of(0), operand.eval(env), span);
    }
  }

  /**
   * A string with interpolations: each part is coerced (paths are copied to the store) and
   * concatenated.
   */
  static final class Interp extends Node {
    final Node[] parts;

    Interp(Node[] parts, Span span) {
      super(span);
      this.parts = parts;
    }

    @Override
    public Value eval(Env env) {
      StringBuilder sb = new StringBuilder();
      Set<String> ctx = null;
      for (Node p : parts) {
        if (p instanceof Const c && c.value instanceof NixString s) {
          sb.append(s.value());
          continue;
        }
        NixString s;
        try {
          s = env.state.coerceToString(p.eval(env), p.span, false, true);
        } catch (EvalException e) {
          throw e.addTrace("while evaluating a path segment", p.span);
        }
        sb.append(s.value());
        if (s.hasContext()) {
          if (ctx == null) ctx = new LinkedHashSet<>();
          ctx.addAll(s.context());
        }
      }
      return new NixString(sb.toString(), ctx);
    }
  }

  /** {@code ./a/${b}}: a path built from a literal prefix and interpolated strings. */
  static final class PathInterp extends Node {
    final Node[] parts;

    PathInterp(Node[] parts, Span span) {
      super(span);
      this.parts = parts;
    }

    @Override
    public Value eval(Env env) {
      StringBuilder sb = new StringBuilder();
      for (Node p : parts) {
        Value v = p.eval(env);
        NixString s = env.state.coerceToString(v, p.span, false, false);
        if (s.hasContext() && sb.length() > 0) {
          throw new EvalException(
              "a string that refers to a store path cannot be appended to a path", p.span);
        }
        sb.append(s.value());
      }
      return new NixPath(Paths.canonicalize(sb.toString()));
    }
  }

  static final class CurPos extends Node {
    CurPos(Span span) {
      super(span);
    }

    @Override
    public Value eval(Env env) {
      return Paths.positionAttrs(span);
    }
  }

  /**
   * {@link Node#lazy} for a value stored into {@code frame} while the frame is still being filled
   * (rec sets, let, formals defaults): a reference to a sibling slot must stay a thunk, because
   * that slot may not be filled yet.
   */
  static Value lazyInFrame(Node n, Env frame) {
    if ((n instanceof Local l && l.depth == 0)
        || n instanceof ListLit
        || n instanceof AttrNodes.Attrs) {
      return new Thunk(n, frame);
    }
    return n.lazy(frame);
  }
}
