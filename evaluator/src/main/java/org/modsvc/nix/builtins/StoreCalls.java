package org.modsvc.nix.builtins;

import java.util.function.Supplier;
import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.source.Span;
import org.modsvc.nix.store.StoreException;

/**
 * Runs store operations for builtins: a {@link StoreException} becomes an evaluation error at the
 * call site.
 */
final class StoreCalls {
  private StoreCalls() {}

  static <T> T run(Supplier<T> op, Span sp) {
    try {
      return op.get();
    } catch (StoreException e) {
      throw new EvalException(e.getMessage(), sp);
    }
  }

  /** For checks that return nothing. */
  static void check(Runnable op, Span sp) {
    run(
        () -> {
          op.run();
          return null;
        },
        sp);
  }
}
