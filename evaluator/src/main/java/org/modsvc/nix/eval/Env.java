package org.modsvc.nix.eval;

import org.modsvc.nix.value.Value;

/**
 * A run-time scope frame: variable slots resolved at compile time (see {@link Scope}) plus the enclosing
 * frame. A {@code with} frame has a single slot holding the (lazy) attribute set it brings into scope.
 */
public final class Env {
  public final Env up;
  public final Value[] slots;

  public Env(Env up, int size) {
    this.up = up;
    this.slots = new Value[size];
  }

  public Env(Env up, Value[] slots) {
    this.up = up;
    this.slots = slots;
  }

  public Env at(int depth) {
    Env e = this;
    for (int i = 0; i < depth; i++) e = e.up;
    return e;
  }
}
