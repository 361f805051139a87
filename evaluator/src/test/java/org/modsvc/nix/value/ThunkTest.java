package org.modsvc.nix.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.error.InfiniteRecursion;
import org.modsvc.nix.source.Span;

/**
 * Thunks made from a named computation and its context ({@link Thunk.Deferred}), as the primitives
 * make them.
 */
class ThunkTest {
  /**
   * A context that counts how often its computation ran and can be told to fail or to force a
   * thunk.
   */
  private static final class Counter {
    int runs;
    boolean fail;
    Thunk inner;
  }

  private static final Thunk.Deferred<Counter> COUNT =
      c -> {
        c.runs++;
        if (c.fail) throw new EvalException("boom", Span.NONE);
        if (c.inner != null) return c.inner.force();
        return NixInt.of(c.runs);
      };

  @Test
  void deferred_runsOnce_andIsMemoised() {
    Counter c = new Counter();
    Thunk t = new Thunk(COUNT, c);
    assertEquals(NixInt.of(1), t.force());
    assertEquals(NixInt.of(1), t.force());
    assertEquals(1, c.runs);
    assertTrue(t.isEvaluated());
  }

  @Test
  void deferred_resultThatIsAThunk_isForced() {
    Thunk inner = new Thunk(COUNT, new Counter());
    Thunk outer = new Thunk(c -> inner, null);
    assertEquals(NixInt.of(1), outer.force());
  }

  @Test
  void deferred_forcingItselfIsInfiniteRecursion() {
    Counter c = new Counter();
    Thunk t = new Thunk(COUNT, c);
    c.inner = t;
    assertThrows(InfiniteRecursion.class, t::force);
  }

  @Test
  void deferred_afterAFailure_runsAgainWhenForcedAgain() {
    Counter c = new Counter();
    c.fail = true;
    Thunk t = new Thunk(COUNT, c);
    EvalException first = assertThrows(EvalException.class, t::force);
    assertEquals("boom", first.getMessage().lines().findFirst().orElseThrow());
    c.fail = false;
    assertEquals(NixInt.of(2), t.force());
    assertEquals(2, c.runs);
  }

  @Test
  void supplier_stillWorks() {
    Thunk t = new Thunk(() -> NixString.of("x"));
    assertSame(NixString.class, t.force().getClass());
    assertEquals("string", t.typeName());
  }
}
