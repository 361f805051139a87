package org.modsvc.nix.eval;

import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.source.Span;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixBool;
import org.modsvc.nix.value.NixFloat;
import org.modsvc.nix.value.NixFunction;
import org.modsvc.nix.value.NixInt;
import org.modsvc.nix.value.NixList;
import org.modsvc.nix.value.NixPath;
import org.modsvc.nix.value.NixString;
import org.modsvc.nix.value.Printer;
import org.modsvc.nix.value.Thunk;
import org.modsvc.nix.value.Value;

/**
 * Forcing a value to an expected type, with Nix's messages ("expected a set but found an integer:
 * 1"). Every builtin and node goes through here, so the wording lives in one place.
 */
public final class Types {
  private Types() {}

  /** Nix's article + type name as used in messages: "an integer", "a set", "a Boolean". */
  public static String showType(Value v) {
    v = Thunk.force(v);
    if (v instanceof NixInt) return "an integer";
    if (v instanceof NixFloat) return "a float";
    if (v instanceof NixBool) return "a Boolean";
    if (v instanceof NixString) return "a string";
    if (v instanceof NixPath) return "a path";
    if (v instanceof NixList) return "a list";
    if (v instanceof NixAttrs) return "a set";
    if (v instanceof NixFunction f)
      return f instanceof PrimOp
          ? "a built-in function"
          : f instanceof PrimOpApp ? "a partially applied built-in function" : "a function";
    return "null";
  }

  public static EvalException typeError(String expected, Value found, Span span) {
    return new TypeMismatch(
        "expected " + expected + " but found " + showType(found) + ": " + Printer.forError(found),
        found,
        span);
  }

  public static NixAttrs attrs(Value v, Span span) {
    v = Thunk.force(v);
    if (v instanceof NixAttrs a) return a;
    throw typeError("a set", v, span);
  }

  public static NixList list(Value v, Span span) {
    v = Thunk.force(v);
    if (v instanceof NixList l) return l;
    throw typeError("a list", v, span);
  }

  public static long integer(Value v, Span span) {
    v = Thunk.force(v);
    if (v instanceof NixInt i) return i.value();
    throw typeError("an integer", v, span);
  }

  public static boolean bool(Value v, Span span) {
    v = Thunk.force(v);
    if (v instanceof NixBool b) return b.value();
    throw typeError("a Boolean", v, span);
  }

  public static NixString string(Value v, Span span) {
    v = Thunk.force(v);
    if (v instanceof NixString s) return s;
    throw typeError("a string", v, span);
  }

  /** A string that must carry no context (attribute names, regexes, file names…). */
  public static String plainString(Value v, Span span) {
    return string(v, span).value();
  }

  public static NixFunction function(Value v, Span span) {
    v = Thunk.force(v);
    if (v instanceof NixFunction f) return f;
    if (v instanceof NixAttrs a && a.has("__functor")) return null;
    throw typeError("a function", v, span);
  }

  public static boolean isFunction(Value v) {
    v = Thunk.force(v);
    return v instanceof NixFunction || (v instanceof NixAttrs a && a.has("__functor"));
  }

  public static double number(Value v, Span span) {
    v = Thunk.force(v);
    if (v instanceof NixInt i) return i.value();
    if (v instanceof NixFloat f) return f.value();
    throw typeError("a float", v, span);
  }
}
