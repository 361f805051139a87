package org.modsvc.nix.value;

import org.modsvc.nix.source.Span;

/**
 * Code a {@link Thunk} runs over an environment: the interpreter's nodes ({@code
 * org.modsvc.nix.eval.Node}, the only subclass). It lets the values sit below the interpreter
 * without a second call on the hot path: {@link #runIn} is final in the one subclass, so the JIT
 * binds it statically and inlines it into {@link Thunk}'s evaluation, leaving the node's own {@code
 * eval} as the one virtual call it always was.
 */
public abstract class Code {
  public final Span span;

  protected Code(Span span) {
    this.span = span;
  }

  /**
   * Runs this code in {@code env}, the interpreter's frame it was suspended with; never returns a
   * thunk.
   */
  protected abstract Value runIn(Object env);
}
