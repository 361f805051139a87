package org.modsvc.nix.value;

/** Anything callable: a lambda, a builtin, or a partially applied builtin. */
public abstract non-sealed class NixFunction implements Value {
  @Override public String typeName() { return "lambda"; }
}
