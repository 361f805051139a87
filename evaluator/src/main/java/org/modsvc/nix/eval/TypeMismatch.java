package org.modsvc.nix.eval;

import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.source.Span;
import org.modsvc.nix.value.Thunk;
import org.modsvc.nix.value.Value;

/**
 * "expected a set but found an integer: 1", remembering the value found: a builtin whose argument
 * it was can then say which argument, as Nix does ("while evaluating the first argument passed to
 * builtins.catAttrs").
 */
final class TypeMismatch extends EvalException {
  private static final long serialVersionUID = 1L;
  private final transient Value found;

  /**
   * Set by the first builtin the error leaves, whether or not the value was one of its arguments.
   */
  private boolean placed;

  TypeMismatch(String message, Value found, Span span) {
    super(message, span);
    this.found = found;
  }

  /**
   * The index of the argument the mismatched value was, when this error leaves its first builtin,
   * else -1. Only the innermost builtin may claim it: an outer one that happens to hold an equal
   * value did not fail on it.
   */
  int argumentIndexIn(Value[] args) {
    if (placed) return -1;
    placed = true;
    for (int i = 0; i < args.length; i++) {
      Value a = args[i];
      if (a == found || (a instanceof Thunk t && t.isEvaluated() && t.force() == found)) return i;
    }
    return -1;
  }
}
