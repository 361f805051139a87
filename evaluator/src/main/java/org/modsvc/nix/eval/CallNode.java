package org.modsvc.nix.eval;

import org.modsvc.nix.source.Span;
import org.modsvc.nix.value.Value;

/** {@code f a b …}: curried applications flattened so a builtin receives all its arguments at once. */
final class CallNode extends Node {
  final EvalState state;
  final Node function;
  final Node[] args;

  CallNode(EvalState state, Node function, Node[] args, Span span) {
    super(span);
    this.state = state;
    this.function = function;
    this.args = args;
  }

  @Override public Value eval(Env env) {
    Value f = function.eval(env);
    if (args.length == 1) return state.call(f, args[0].lazy(env), span);
    if (f instanceof PrimOp p && p.arity() == args.length) {
      Value[] vs = new Value[args.length];
      for (int i = 0; i < vs.length; i++) vs[i] = args[i].lazy(env);
      return p.call(vs, span);
    }
    for (Node a : args) f = state.call(f, a.lazy(env), span);
    return f;
  }
}
