package org.modsvc.nix.eval;

import org.modsvc.nix.source.Span;
import org.modsvc.nix.value.Value;

/**
 * {@code f a b …}: curried applications flattened so a builtin receives all its arguments at once.
 */
final class CallNode extends Node {
  final Node function;
  final Node[] args;

  /** The function when it is a variable (see {@link Nodes.Local#read}), else null. */
  private final Nodes.Local local;

  /**
   * Per argument, the argument when it is a variable (passed on as the slot holds it), else null.
   */
  private final Nodes.Local[] argLocals;

  CallNode(Node function, Node[] args, Span span) {
    super(span);
    this.function = function;
    this.args = args;
    this.local = Nodes.Local.orNull(function);
    this.argLocals = new Nodes.Local[args.length];
    for (int i = 0; i < args.length; i++) argLocals[i] = Nodes.Local.orNull(args[i]);
  }

  /** Argument i, unevaluated: {@code args[i].lazy(env)}, without the call when it is a variable. */
  private Value arg(int i, Env env) {
    Nodes.Local l = argLocals[i];
    return l != null ? l.peek(env) : args[i].lazy(env);
  }

  @Override
  public Value eval(Env env) {
    EvalState state = env.state;
    Nodes.Local l = local;
    Value f = l != null ? l.read(env) : function.eval(env);
    if (args.length == 1) return state.call(f, arg(0, env), span);
    if (f instanceof PrimOp p && p.arity() == args.length) {
      Value[] vs = new Value[args.length];
      for (int i = 0; i < vs.length; i++) vs[i] = arg(i, env);
      return p.call(vs, span);
    }
    for (int i = 0; i < args.length; i++) {
      if (f instanceof Lambda lam
          && i + 1 < args.length
          && lam.code.formals == null
          && lam.code.body instanceof LambdaNode inner) {
        // `f a b` with f = `x: y: …`: binding x cannot fail and returns the closure `y: …` at once,
        // so
        // bind x in its frame and call the inner function directly, without allocating that
        // closure.
        Env outer = new Env(lam.env, arg(i, env));
        f = state.callCode(inner, outer, arg(i + 1, env), span);
        i++;
      } else {
        f = state.call(f, arg(i, env), span);
      }
    }
    return f;
  }
}
