package org.modsvc.nix.eval;

import org.modsvc.nix.value.NixFunction;
import org.modsvc.nix.value.Value;

/** A builtin applied to fewer arguments than its arity. */
public final class PrimOpApp extends NixFunction {
  private final PrimOp primOp;
  private final Value[] args;

  PrimOpApp(PrimOp primOp, Value[] args) {
    this.primOp = primOp;
    this.args = args;
  }

  public PrimOp primOp() {
    return primOp;
  }

  Value[] args() {
    return args;
  }

  @Override
  public String show(boolean forError) {
    return forError ? "«partially applied primop " + primOp.name() + "»" : "<PRIMOP-APP>";
  }
}
