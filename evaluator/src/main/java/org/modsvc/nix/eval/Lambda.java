package org.modsvc.nix.eval;

import org.modsvc.nix.value.NixFunction;

/** A closure: the compiled function and the environment it was created in. */
public final class Lambda extends NixFunction {
  final LambdaNode code;
  final Env env;

  Lambda(LambdaNode code, Env env) {
    this.code = code;
    this.env = env;
  }

  /** "file:line:col" of the function, as error messages show it. */
  public String position() {
    return code.span.describe();
  }

  /**
   * Formal argument names and whether each has a default; null for a plain {@code x: …} function.
   */
  public LambdaNode.FormalInfo[] formals() {
    return code.formalInfo();
  }

  public String name() {
    return code.name;
  }

  public LambdaNode code() {
    return code;
  }

  @Override
  public String show(boolean forError) {
    return forError ? "«lambda @ " + position() + "»" : "<LAMBDA>";
  }
}
