package org.modsvc.nix.value;

/** Anything callable: a lambda, a builtin, or a partially applied builtin. */
public abstract non-sealed class NixFunction implements Value {
  @Override
  public String typeName() {
    return "lambda";
  }

  /**
   * How {@link Printer} shows the function: in an error message with its identity ({@code «lambda @
   * pos»}, {@code «primop name»}), otherwise as Nix prints a function value ({@code <LAMBDA>},
   * {@code <PRIMOP>}).
   */
  public abstract String show(boolean forError);
}
