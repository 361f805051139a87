package org.modsvc.nix.error;

import org.modsvc.nix.source.Span;

/** {@code throw} and failed assertions: the errors {@code builtins.tryEval} catches. */
public final class ThrownError extends EvalException {
  private static final long serialVersionUID = 1L;

  public ThrownError(String message, Span span) {
    super(message, span);
  }

  @Override
  public boolean isCatchable() {
    return true;
  }
}
