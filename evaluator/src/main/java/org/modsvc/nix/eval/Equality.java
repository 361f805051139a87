package org.modsvc.nix.eval;

import org.modsvc.nix.source.Span;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixList;
import org.modsvc.nix.value.NixPath;
import org.modsvc.nix.value.NixString;
import org.modsvc.nix.value.Printer;
import org.modsvc.nix.value.Thunk;
import org.modsvc.nix.value.Value;

/**
 * Explains why two values are not equal, for failed {@code assert a == b} (Nix 2.20+ reports the
 * first differing part instead of just "assertion failed").
 */
final class Equality {
  private Equality() {}

  static String explain(Value a, Value b, Span span) {
    a = Thunk.force(a);
    b = Thunk.force(b);
    if (Ops.equal(a, b, span)) return null;
    if (a instanceof NixString x && b instanceof NixString y) {
      return "string '"
          + Printer.quote(x.value())
          + "' is not equal to string '"
          + Printer.quote(y.value())
          + "'";
    }
    if (a instanceof NixPath x && b instanceof NixPath y) {
      return "path '" + x.path() + "' is not equal to path '" + y.path() + "'";
    }
    if (a instanceof NixList x && b instanceof NixList y) {
      if (x.size() != y.size()) {
        return "list of size '"
            + x.size()
            + "' is not equal to list of size '"
            + y.size()
            + "', left hand side is '"
            + Printer.forError(x)
            + "', right hand side is '"
            + Printer.forError(y)
            + "'";
      }
      for (int i = 0; i < x.size(); i++) {
        String inner = explain(x.get(i), y.get(i), span);
        if (inner != null) return inner;
      }
    }
    if (a instanceof NixAttrs x && b instanceof NixAttrs y) {
      Value[] outPaths = Ops.derivationOutPaths(x, y);
      if (outPaths != null) return explain(outPaths[0], outPaths[1], span);
      if (x.size() != y.size()) {
        return "attribute names of attribute set '"
            + Printer.forError(x)
            + "' differs from attribute set '"
            + Printer.forError(y)
            + "'";
      }
      for (int i = 0; i < x.size(); i++) {
        if (!x.name(i).equals(y.name(i))) {
          return "attribute names of attribute set '"
              + Printer.forError(x)
              + "' differs from attribute set '"
              + Printer.forError(y)
              + "'";
        }
        String inner = explain(x.value(i), y.value(i), span);
        if (inner != null) return inner;
      }
    }
    if (a instanceof org.modsvc.nix.value.NixFunction
        && b instanceof org.modsvc.nix.value.NixFunction) {
      return "distinct functions and immediate comparisons of identical functions compare as unequal";
    }
    if (a instanceof org.modsvc.nix.value.NixBool x
        && b instanceof org.modsvc.nix.value.NixBool y) {
      return "boolean '" + x.value() + "' is not equal to boolean '" + y.value() + "'";
    }
    boolean numbers = Ops.isNumber(a) && Ops.isNumber(b);
    if (numbers || a.getClass() == b.getClass()) {
      return Types.showType(a)
          + " with value '"
          + Printer.forError(a)
          + "' is not equal to "
          + Types.showType(b)
          + " with value '"
          + Printer.forError(b)
          + "'";
    }
    return Types.showType(a)
        + " of value '"
        + Printer.forError(a)
        + "' is not equal to "
        + Types.showType(b)
        + " of value '"
        + Printer.forError(b)
        + "'";
  }
}
