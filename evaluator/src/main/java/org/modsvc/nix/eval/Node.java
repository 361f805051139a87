package org.modsvc.nix.eval;

import org.modsvc.nix.source.Span;
import org.modsvc.nix.value.Code;
import org.modsvc.nix.value.Thunk;
import org.modsvc.nix.value.Value;

/**
 * An executable node, lowered from the syntax tree by {@link Compiler} with variables resolved to
 * slots. {@link #eval} returns a value in weak head normal form (never a thunk); {@link #lazy}
 * returns a value to store in a slot, list or attribute without evaluating it — constants and
 * variables override it so that no thunk is allocated for them.
 */
public abstract class Node extends Code {
  protected Node(Span span) {
    super(span);
  }

  public abstract Value eval(Env env);

  /** What a {@link Thunk} calls; final, so the JIT binds it statically (see {@link Code}). */
  @Override
  protected final Value runIn(Object env) {
    return eval((Env) env);
  }

  public Value lazy(Env env) {
    return new Thunk(this, env);
  }
}
