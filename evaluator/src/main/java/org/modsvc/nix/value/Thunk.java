package org.modsvc.nix.value;

import java.util.function.Supplier;
import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.error.InfiniteRecursion;
import org.modsvc.nix.source.Span;

/**
 * A suspended computation, memoised: pending (code + environment), then black-holed while it runs,
 * then evaluated. Forcing a black-holed thunk is {@code infinite recursion encountered}. If the
 * computation fails the thunk goes back to pending, so forcing it again raises the same error (as
 * Nix does), which {@code tryEval} relies on.
 */
public final class Thunk implements Value {
  /**
   * {@link #env} while the thunk runs (black-holed). Encoding the state in {@code env} instead of a
   * separate flag, and keeping node or supplier in one field, makes a thunk 24 bytes instead of 32:
   * thunks are a fifth of all allocation.
   */
  private static final Object RUNNING = new Object();

  /** The {@link Code} or {@link Deferred} to run; null once evaluated. */
  private Object code;

  /**
   * The code's environment or the deferred computation's context; {@link #RUNNING} while it runs.
   */
  private Object env;

  private Value value;

  /**
   * A computation of Java code over a context object, for thunks made by builtins and module-system
   * primitives. Hot sites keep one non-capturing constant per computation and pass what it needs as
   * the context, so making such a thunk allocates the thunk alone: a capturing lambda costs a
   * second object and, in C1-compiled code (the launcher's setting), a slow runtime call to
   * allocate it (15% of a cold evalModules run went there).
   */
  @FunctionalInterface
  public interface Deferred<C> {
    Value compute(C context);
  }

  private static final Deferred<Supplier<Value>> SUPPLIED = Supplier::get;

  public Thunk(Code node, Object env) {
    this.code = node;
    this.env = env;
  }

  /**
   * For code that runs rarely (error paths, one per evaluation); hot sites use {@link
   * #Thunk(Deferred, Object)}.
   */
  public Thunk(Supplier<Value> supplier) {
    this.code = SUPPLIED;
    this.env = supplier;
  }

  public <C> Thunk(Deferred<C> code, C context) {
    this.code = code;
    this.env = context;
  }

  /** An already evaluated thunk, used where a slot must be filled before its value is known. */
  public static Thunk evaluated(Value v) {
    Thunk t = new Thunk((Code) null, null);
    t.value = v;
    return t;
  }

  public boolean isEvaluated() {
    return value != null;
  }

  /** The node to be evaluated, for printing unevaluated code positions; null once evaluated. */
  public Code node() {
    return code instanceof Code n ? n : null;
  }

  /**
   * Most forces find the thunk evaluated; keeping that path a two-instruction method lets the JIT
   * inline it into every variable read and selection, while the evaluation path (try/catch,
   * black-holing, a megamorphic call) stays out of line in {@link #evaluate}.
   */
  @Override
  public Value force() {
    Value v = value;
    return v != null ? v : evaluate();
  }

  @SuppressWarnings("unchecked")
  private Value evaluate() {
    Value v;
    Object e = env;
    Object c = code;
    if (e == RUNNING) throw new InfiniteRecursion(c instanceof Code n ? n.span : Span.NONE);
    env = RUNNING;
    try {
      // Thunk.force(x), not x.force(): an interface call on Value would dispatch through the
      // itable.
      v = c instanceof Code n ? n.runIn(e) : force(((Deferred<Object>) c).compute(e));
    } catch (EvalException | StackOverflowError ex) {
      env = e;
      throw ex;
    }
    value = v;
    code = null;
    env = null;
    return v;
  }

  /**
   * Lets a lazily created slot be filled later (rec/let frames are built before their thunks
   * exist).
   */
  public void set(Value v) {
    value = v;
  }

  @Override
  public String typeName() {
    return value != null ? value.typeName() : "thunk";
  }

  @Override
  public String toString() {
    return value != null ? "Thunk[" + value + "]" : "Thunk[pending]";
  }

  /** Forces {@code v} if it is a thunk. */
  public static Value force(Value v) {
    return v instanceof Thunk t ? t.force() : v;
  }
}
