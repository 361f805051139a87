package org.modsvc.nix.eval;

import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.source.Span;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.Value;

/**
 * A function literal. Its frame layout: slot 0 is the plain or {@code @} argument (when named),
 * then one slot per formal in declaration order, so defaults can refer to each other and to the
 * whole argument.
 */
public final class LambdaNode extends Node {
  /** A formal argument: its name, its slot, and its default (null when required). */
  public record FormalInfo(String name, int slot, Node defaultValue, Span span) {
    public boolean hasDefault() {
      return defaultValue != null;
    }
  }

  final String name;
  final String paramName;
  final boolean hasParam;
  final FormalInfo[] formals;

  /** Formal names sorted, for the unexpected-argument check by binary search. */
  final String[] sortedFormalNames;

  final boolean ellipsis;
  final int frameSize;

  /**
   * Per formal, where the argument set had it last time (see {@link NixAttrs#indexOf(String,
   * int)}).
   */
  private final int[] formalGuess;

  /**
   * Per formal, the names array of the last argument set without it (as {@code AttrNodes.Key}
   * keeps).
   */
  private final String[][] formalAbsentIn;

  Node body;

  LambdaNode(
      Span span,
      String name,
      String paramName,
      FormalInfo[] formals,
      boolean ellipsis,
      int frameSize) {
    super(span);
    this.name = name;
    this.paramName = paramName;
    boolean hasParam = paramName != null;
    this.hasParam = hasParam;
    this.formals = formals;
    this.ellipsis = ellipsis;
    this.frameSize = frameSize;
    if (formals != null) {
      sortedFormalNames = new String[formals.length];
      for (int i = 0; i < formals.length; i++) sortedFormalNames[i] = formals[i].name;
      java.util.Arrays.sort(sortedFormalNames);
    } else {
      sortedFormalNames = null;
    }
    formalGuess = formals == null ? null : new int[formals.length];
    formalAbsentIn = formals == null ? null : new String[formals.length][];
  }

  FormalInfo[] formalInfo() {
    return formals;
  }

  /** The plain or {@code @} argument name, or null. */
  public String paramName() {
    return paramName;
  }

  public boolean hasEllipsis() {
    return ellipsis;
  }

  String displayName() {
    return name == null ? "anonymous lambda" : name;
  }

  /** The trace line of a call, in Nix's words: a named function quoted, an anonymous one not. */
  String callTrace() {
    return name == null ? "while calling anonymous lambda" : "while calling '" + name + "'";
  }

  @Override
  public Value eval(Env env) {
    return new Lambda(this, env);
  }

  @Override
  public Value lazy(Env env) {
    return new Lambda(this, env);
  }

  /** Binds {@code arg} into a fresh frame and evaluates the body. */
  Value invoke(Env closure, Value arg, Span callSite) {
    if (formals == null) return body.eval(new Env(closure, arg));
    Env frame = new Env(closure, frameSize);
    if (hasParam) frame.slot0 = arg;
    NixAttrs attrs = Types.attrs(arg, callSite);
    String[] argNames = attrs.names();
    int matched = 0;
    for (int i = 0; i < formals.length; i++) {
      FormalInfo f = formals[i];
      int idx = argNames == formalAbsentIn[i] ? -1 : attrs.indexOf(f.name, formalGuess[i]);
      if (idx >= 0) {
        formalGuess[i] = idx;
        Value v = attrs.value(idx);
        matched++;
        frame.set(f.slot, v);
      } else if (f.defaultValue != null) {
        formalAbsentIn[i] = argNames;
        frame.set(f.slot, Nodes.lazyInFrame(f.defaultValue, frame));
      } else {
        throw new EvalException(
            "function '" + displayName() + "' called without required argument '" + f.name + "'",
            callSite);
      }
    }
    if (!ellipsis && matched < attrs.size()) {
      for (int i = 0; i < attrs.size(); i++) {
        String n = attrs.name(i);
        if (java.util.Arrays.binarySearch(sortedFormalNames, n) < 0) {
          throw new EvalException(
              "function '" + displayName() + "' called with unexpected argument '" + n + "'",
              callSite);
        }
      }
    }
    return body.eval(frame);
  }
}
