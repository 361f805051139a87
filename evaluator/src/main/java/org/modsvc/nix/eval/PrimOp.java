package org.modsvc.nix.eval;

import org.modsvc.nix.source.Span;
import org.modsvc.nix.value.NixFunction;
import org.modsvc.nix.value.Value;

/**
 * A builtin function of fixed arity. Arguments arrive unforced: each builtin forces what it needs,
 * which keeps builtins like {@code seq}, {@code tryEval} or {@code mapAttrs} as lazy as Nix's.
 */
public final class PrimOp extends NixFunction {
  /** The body of a builtin: {@code args.length == arity}; {@code span} is the call site. */
  @FunctionalInterface
  public interface Impl {
    Value apply(Value[] args, Span span);
  }

  private final String name;
  private final int arity;
  private final Impl impl;

  public PrimOp(String name, int arity, Impl impl) {
    this.name = name;
    this.arity = arity;
    this.impl = impl;
  }

  public String name() { return name; }
  public int arity() { return arity; }
  /** The body: lets the module system's own primitives recognise each other and call one another directly. */
  public Impl impl() { return impl; }

  public Value call(Value[] args, Span span) { return impl.apply(args, span); }

  @Override public String toString() { return "PrimOp[" + name + "]"; }
}
