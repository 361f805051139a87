package org.modsvc.nix.value;

import java.util.function.Supplier;
import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.error.InfiniteRecursion;
import org.modsvc.nix.eval.Env;
import org.modsvc.nix.eval.Node;
import org.modsvc.nix.source.Span;

/**
 * A suspended computation, memoised: pending (code + environment), then black-holed while it runs,
 * then evaluated. Forcing a black-holed thunk is {@code infinite recursion encountered}. If the
 * computation fails the thunk goes back to pending, so forcing it again raises the same error
 * (as Nix does), which {@code tryEval} relies on.
 */
public final class Thunk implements Value {
  private Node node;
  private Env env;
  private Supplier<Value> supplier;
  private Value value;
  private boolean running;

  public Thunk(Node node, Env env) {
    this.node = node;
    this.env = env;
  }

  public Thunk(Supplier<Value> supplier) { this.supplier = supplier; }

  /** An already evaluated thunk, used where a slot must be filled before its value is known. */
  public static Thunk evaluated(Value v) {
    Thunk t = new Thunk(null, null);
    t.value = v;
    return t;
  }

  public boolean isEvaluated() { return value != null; }

  /** The node to be evaluated, for printing unevaluated code positions; null once evaluated. */
  public Node node() { return node; }

  @Override
  public Value force() {
    Value v = value;
    if (v != null) return v;
    if (running) throw new InfiniteRecursion(node == null ? Span.NONE : node.span);
    running = true;
    try {
      v = node != null ? node.eval(env) : supplier.get().force();
    } catch (EvalException | StackOverflowError e) {
      running = false;
      throw e;
    }
    value = v;
    running = false;
    node = null;
    env = null;
    supplier = null;
    return v;
  }

  /** Lets a lazily created slot be filled later (rec/let frames are built before their thunks exist). */
  public void set(Value v) { value = v; }

  @Override public String typeName() { return value != null ? value.typeName() : "thunk"; }

  @Override public String toString() { return value != null ? "Thunk[" + value + "]" : "Thunk[pending]"; }

  /** Forces {@code v} if it is a thunk. */
  public static Value force(Value v) { return v instanceof Thunk t ? t.force() : v; }
}
