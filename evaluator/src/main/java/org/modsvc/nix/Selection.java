package org.modsvc.nix;

import java.util.ArrayList;
import java.util.List;
import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.eval.EvalState;
import org.modsvc.nix.eval.Lambda;
import org.modsvc.nix.eval.LambdaNode;
import org.modsvc.nix.source.Span;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixList;
import org.modsvc.nix.value.Thunk;
import org.modsvc.nix.value.Value;

/**
 * What {@code nix-instantiate} does between evaluating the file and printing: {@code -A} selection
 * ({@code findAlongAttrPath}) and calling a top-level function with the automatic arguments ({@code
 * autoCallFunction}). Messages are Nix's, because nixpkgs' module tests match on them.
 */
final class Selection {
  private Selection() {}

  /** An error about the command line's selection path rather than about Nix code. */
  static final class SelectionException extends EvalException {
    private static final long serialVersionUID = 1L;

    SelectionException(String message) {
      super(message, Span.NONE);
    }
  }

  /**
   * Splits {@code a.b."c.d".0}: dots separate, double quotes group (so a quoted name may hold
   * dots).
   */
  static List<String> parseAttrPath(String s) {
    List<String> res = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.') {
        res.add(cur.toString());
        cur.setLength(0);
      } else if (c == '"') {
        int close = s.indexOf('"', i + 1);
        if (close < 0)
          throw new SelectionException("missing closing quote in selection path '" + s + "'");
        cur.append(s, i + 1, close);
        i = close;
      } else {
        cur.append(c);
      }
    }
    if (cur.length() > 0) res.add(cur.toString());
    return res;
  }

  /**
   * Follows {@code attrPath} from {@code root}. Before each step the current value is auto-called
   * (a function with formals gets the automatic arguments, as Nix does), and a numeric component
   * indexes a list.
   */
  static Value findAlongAttrPath(EvalState state, String attrPath, NixAttrs autoArgs, Value root) {
    Value v = root;
    for (String attr : parseAttrPath(attrPath)) {
      v = Thunk.force(autoCall(state, autoArgs, v));
      Integer index = parseIndex(attr);
      if (index == null) {
        if (!(v instanceof NixAttrs a)) {
          throw new SelectionException(
              "the expression selected by the selection path '"
                  + attrPath
                  + "' should be a set but is "
                  + typeDescription(v));
        }
        if (attr.isEmpty())
          throw new SelectionException("empty attribute name in selection path '" + attrPath + "'");
        Value next = a.get(attr);
        if (next == null) {
          throw new SelectionException(
              "attribute '" + attr + "' in selection path '" + attrPath + "' not found");
        }
        v = next;
      } else {
        if (!(v instanceof NixList l)) {
          throw new SelectionException(
              "the expression selected by the selection path '"
                  + attrPath
                  + "' should be a list but is "
                  + typeDescription(v));
        }
        if (index >= l.size()) {
          throw new SelectionException(
              "list index " + index + " in selection path '" + attrPath + "' is out of range");
        }
        v = l.get(index);
      }
    }
    return v;
  }

  /** An unsigned decimal that fits an int, or null (then the component is an attribute name). */
  private static Integer parseIndex(String s) {
    if (s.isEmpty() || s.length() > 9) return null;
    for (int i = 0; i < s.length(); i++)
      if (!Character.isDigit(s.charAt(i)) || s.charAt(i) > '9') return null;
    return Integer.valueOf(s);
  }

  /** Nix's {@code showType} for the values a selection can meet. */
  private static String typeDescription(Value v) {
    String t = v.typeName();
    switch (t) {
      case "int":
        return "an integer";
      case "float":
        return "a float";
      case "bool":
        return "a Boolean";
      case "string":
        return "a string";
      case "path":
        return "a path";
      case "null":
        return "null";
      case "set":
        return "a set";
      case "list":
        return "a list";
      case "lambda":
        return "a function";
      default:
        return "a " + t;
    }
  }

  /**
   * Nix's {@code autoCallFunction}: a set with {@code __functor} is unwrapped; a function with
   * formals is called with the automatic arguments it accepts (all of them when it has {@code
   * ...}); anything else, including a plain {@code x: …} function, is returned as it is.
   */
  static Value autoCall(EvalState state, NixAttrs args, Value fun) {
    fun = Thunk.force(fun);
    if (fun instanceof NixAttrs a) {
      Value functor = a.get("__functor");
      if (functor != null) {
        Value f = Thunk.force(state.call(functor, a, Span.NONE));
        return autoCall(state, args, f);
      }
    }
    if (!(fun instanceof Lambda lam) || lam.formals() == null) return fun;
    NixAttrs actual;
    if (lam.code().hasEllipsis()) {
      actual = args;
    } else {
      NixAttrs.Builder b = NixAttrs.builder(lam.formals().length);
      for (LambdaNode.FormalInfo f : lam.formals()) {
        Value given = args.get(f.name());
        if (given != null) {
          b.put(f.name(), given);
        } else if (!f.hasDefault()) {
          throw new EvalException(
              "cannot evaluate a function that has an argument without a value ('"
                  + f.name()
                  + "')\nNix attempted to evaluate a function as a top level expression; in\n"
                  + "this case it must have its arguments supplied either by default\n"
                  + "values, or passed explicitly with '--arg' or '--argstr'. See\n"
                  + "https://nix.dev/manual/nix/stable/language/constructs.html#functions.",
              f.span());
        }
      }
      actual = b.build();
    }
    return state.call(lam, actual, Span.NONE);
  }
}
