package org.modsvc.nix.error;

import org.modsvc.nix.source.Span;

/** A thunk was forced while it was already being forced. */
public final class InfiniteRecursion extends EvalException {
  private static final long serialVersionUID = 1L;

  public InfiniteRecursion(Span span) {
    super("infinite recursion encountered", span);
  }
}
