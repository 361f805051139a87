package org.modsvc.nix.eval;

import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.source.Span;
import org.modsvc.nix.value.NixFunction;
import org.modsvc.nix.value.Value;

/**
 * A builtin function of fixed arity. Arguments arrive unforced: each builtin forces what it needs,
 * which keeps builtins like {@code seq}, {@code tryEval} or {@code mapAttrs} as lazy as Nix's.
 */
public final class PrimOp extends NixFunction {
  /**
   * The bodies of several builtins in one class, told apart by {@code op}: {@code args.length ==
   * arity}; {@code span} is the call site. The builtin groups are written this way rather than as a
   * lambda per builtin because linking a lambda costs ~0.2 ms at every start even from the
   * class-data archive: the ~160 builtins and module primitives took ~30 ms of each {@code
   * modsvc-agent} run before evaluating anything.
   */
  public interface Bodies {
    Value apply(int op, Value[] args, Span span);
  }

  /** The body of one builtin, for primops made while evaluating (a lambda is fine there). */
  @FunctionalInterface
  public interface Impl extends Bodies {
    Value apply(Value[] args, Span span);

    @Override
    default Value apply(int op, Value[] args, Span span) {
      return apply(args, span);
    }
  }

  private final String name;
  private final int arity;
  private final Bodies impl;
  private final int op;

  /** Whether an error escaping a call names this builtin in the trace (see {@link #call}). */
  private final boolean traced;

  public PrimOp(String name, int arity, Impl impl) {
    this(name, arity, impl, 0);
  }

  /** Builtin number {@code op} of {@code bodies}. */
  public PrimOp(String name, int arity, Bodies bodies, int op) {
    this(name, arity, bodies, op, false);
  }

  private PrimOp(String name, int arity, Bodies bodies, int op, boolean traced) {
    this.name = name;
    this.arity = arity;
    this.impl = bodies;
    this.op = op;
    this.traced = traced;
  }

  /**
   * A function of {@code builtins}: as in Nix, an error leaving a call gains "while calling the
   * 'NAME' builtin" at the call site. The module system's own primitives stand for Nix functions of
   * the lib and do not.
   */
  static PrimOp builtin(String name, int arity, Bodies bodies, int op) {
    // addErrorContext's own trace line says more than this one would (Nix leaves it out too).
    return new PrimOp(name, arity, bodies, op, !name.equals("addErrorContext"));
  }

  public String name() {
    return name;
  }

  public int arity() {
    return arity;
  }

  /**
   * The body: lets the module system's own primitives recognise each other and call one another
   * directly.
   */
  public Bodies impl() {
    return impl;
  }

  public Value call(Value[] args, Span span) {
    try {
      return impl.apply(op, args, span);
    } catch (EvalException e) {
      throw withCallTrace(e, args, span);
    }
  }

  /** Out of line, so that {@link #call} stays small enough to inline into every call site. */
  private EvalException withCallTrace(EvalException e, Value[] args, Span span) {
    if (!traced) return e;
    int arg = e instanceof TypeMismatch m ? m.argumentIndexIn(args) : -1;
    if (arg >= 0)
      e.addTrace(
          "while evaluating " + argumentWords(arg) + " passed to builtins." + nixName(), Span.NONE);
    return e.addTrace("while calling the '" + name + "' builtin", span);
  }

  private static final String[] ORDINALS = {"first", "second", "third"};

  /**
   * Nix's words for argument {@code i}: "the first argument", or "the argument" for a few
   * one-argument builtins.
   */
  private String argumentWords(int i) {
    boolean unnumbered =
        arity == 1
            && switch (name) {
              case "attrNames", "attrValues", "listToAttrs", "stringLength" -> true;
              default -> false;
            };
    return unnumbered
        ? "the argument"
        : "the " + (i < ORDINALS.length ? ORDINALS[i] : "#" + (i + 1)) + " argument";
  }

  /**
   * The name Nix's own messages give this builtin, where it differs from the name users call it by.
   */
  private String nixName() {
    return name.equals("foldl'") ? "foldlStrict" : name;
  }

  @Override
  public String toString() {
    return "PrimOp[" + name + "]";
  }

  @Override
  public String show(boolean forError) {
    return forError ? "«primop " + name + "»" : "<PRIMOP>";
  }
}
