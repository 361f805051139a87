package org.modsvc.nix.eval;

import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.source.Span;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixBool;
import org.modsvc.nix.value.NixFloat;
import org.modsvc.nix.value.NixInt;
import org.modsvc.nix.value.NixList;
import org.modsvc.nix.value.NixNull;
import org.modsvc.nix.value.NixPath;
import org.modsvc.nix.value.NixString;
import org.modsvc.nix.value.Printer;
import org.modsvc.nix.value.Thunk;
import org.modsvc.nix.value.Value;

/** Arithmetic, comparison and equality with Nix's semantics and messages (overflow is an error). */
public final class Ops {
  private Ops() {}

  public static Value add(Value a, Value b, Span span) {
    if (a instanceof NixInt x && b instanceof NixInt y) {
      long r = x.value() + y.value();
      if (((x.value() ^ r) & (y.value() ^ r)) < 0) {
        throw new EvalException(
            "integer overflow in adding " + x.value() + " + " + y.value(), span);
      }
      return NixInt.of(r);
    }
    if (isNumber(a) && isNumber(b)) return new NixFloat(num(a) + num(b));
    throw new EvalException("cannot add " + Types.showType(b) + " to " + Types.showType(a), span);
  }

  public static Value sub(Value a, Value b, Span span) {
    a = Thunk.force(a);
    b = Thunk.force(b);
    if (a instanceof NixInt x && b instanceof NixInt y) {
      long r = x.value() - y.value();
      if (((x.value() ^ y.value()) & (x.value() ^ r)) < 0) {
        throw new EvalException(
            "integer overflow in subtracting " + x.value() + " - " + y.value(), span);
      }
      return NixInt.of(r);
    }
    checkNumbers(a, b, span);
    return new NixFloat(num(a) - num(b));
  }

  public static Value mul(Value a, Value b, Span span) {
    a = Thunk.force(a);
    b = Thunk.force(b);
    if (a instanceof NixInt x && b instanceof NixInt y) {
      long hi = Math.multiplyHigh(x.value(), y.value());
      long r = x.value() * y.value();
      if ((hi != 0 || r < 0) && (hi != -1 || r >= 0)) {
        throw new EvalException(
            "integer overflow in multiplying " + x.value() + " * " + y.value(), span);
      }
      return NixInt.of(r);
    }
    checkNumbers(a, b, span);
    return new NixFloat(num(a) * num(b));
  }

  public static Value div(Value a, Value b, Span span) {
    a = Thunk.force(a);
    b = Thunk.force(b);
    checkNumbers(a, b, span);
    if (num(b) == 0) throw new EvalException("division by zero", span);
    if (a instanceof NixInt x && b instanceof NixInt y) {
      if (x.value() == Long.MIN_VALUE && y.value() == -1) {
        throw new EvalException(
            "integer overflow in dividing " + x.value() + " / " + y.value(), span);
      }
      return NixInt.of(x.value() / y.value());
    }
    return new NixFloat(num(a) / num(b));
  }

  private static void checkNumbers(Value a, Value b, Span span) {
    if (!isNumber(a))
      throw Types.typeError(b instanceof NixFloat ? "a float" : "an integer", a, span);
    if (!isNumber(b))
      throw Types.typeError(a instanceof NixFloat ? "a float" : "an integer", b, span);
  }

  static boolean isNumber(Value v) {
    return v instanceof NixInt || v instanceof NixFloat;
  }

  static double num(Value v) {
    return v instanceof NixInt i ? i.value() : ((NixFloat) v).value();
  }

  /** {@code a < b} for numbers, strings, paths and lists (lexicographically). */
  public static boolean lessThan(Value a, Value b, Span span) {
    a = Thunk.force(a);
    b = Thunk.force(b);
    if (a instanceof NixInt x && b instanceof NixInt y) return x.value() < y.value();
    if (isNumber(a) && isNumber(b)) return num(a) < num(b);
    if (a instanceof NixString x && b instanceof NixString y)
      return compareStrings(x.value(), y.value()) < 0;
    if (a instanceof NixPath x && b instanceof NixPath y)
      return compareStrings(x.path(), y.path()) < 0;
    if (a instanceof NixList x && b instanceof NixList y) {
      int n = Math.min(x.size(), y.size());
      for (int i = 0; i < n; i++) {
        if (!equal(x.get(i), y.get(i), span)) return lessThan(x.get(i), y.get(i), span);
      }
      return x.size() < y.size();
    }
    if (a.getClass() == b.getClass() || (a instanceof NixBool && b instanceof NixBool)) {
      throw new EvalException(
          "cannot compare "
              + Types.showType(a)
              + " with "
              + Types.showType(b)
              + "; values of that type are incomparable (values are "
              + Printer.forError(a)
              + " and "
              + Printer.forError(b)
              + ")",
          span);
    }
    throw new EvalException(
        "cannot compare "
            + Types.showType(a)
            + " with "
            + Types.showType(b)
            + "; values are "
            + Printer.forError(a)
            + " and "
            + Printer.forError(b),
        span);
  }

  /** Byte-wise (UTF-8) order, as C++ std::string comparison. */
  public static int compareStrings(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i), y = b.charAt(i);
      if (x != y) {
        boolean sx = Character.isSurrogate(x), sy = Character.isSurrogate(y);
        if (sx != sy && (x >= 0xE000 || y >= 0xE000)) return sx ? 1 : -1;
        return x - y;
      }
    }
    return a.length() - b.length();
  }

  /**
   * Deep equality ({@code ==}): derivations compare by {@code outPath}, functions are never equal.
   */
  public static boolean equal(Value a, Value b, Span span) {
    a = Thunk.force(a);
    b = Thunk.force(b);
    if (a == b) return !(a instanceof org.modsvc.nix.value.NixFunction);
    if (a instanceof NixInt x) {
      if (b instanceof NixInt y) return x.value() == y.value();
      if (b instanceof NixFloat y) return x.value() == y.value();
      return false;
    }
    if (a instanceof NixFloat x) {
      if (b instanceof NixFloat y) return x.value() == y.value();
      if (b instanceof NixInt y) return x.value() == y.value();
      return false;
    }
    if (a instanceof NixString x) return b instanceof NixString y && x.value().equals(y.value());
    if (a instanceof NixPath x) return b instanceof NixPath y && x.path().equals(y.path());
    if (a instanceof NixBool x) return b instanceof NixBool y && x.value() == y.value();
    if (a instanceof NixNull) return b instanceof NixNull;
    if (a instanceof NixList x) {
      if (!(b instanceof NixList y) || x.size() != y.size()) return false;
      for (int i = 0; i < x.size(); i++) if (!elementEqual(x.get(i), y.get(i), span)) return false;
      return true;
    }
    if (a instanceof NixAttrs x) {
      if (!(b instanceof NixAttrs y)) return false;
      Value[] outPaths = derivationOutPaths(x, y);
      if (outPaths != null) return equal(outPaths[0], outPaths[1], span);
      if (x.size() != y.size()) return false;
      for (int i = 0; i < x.size(); i++) {
        if (!x.name(i).equals(y.name(i))) return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!elementEqual(x.value(i), y.value(i), span)) return false;
      }
      return true;
    }
    return false;
  }

  /**
   * Elements of lists and sets compare equal when they are the very same value, even functions
   * (Nix's "value identity optimization"); a direct {@code f == f} is still false.
   */
  private static boolean elementEqual(Value a, Value b, Span span) {
    if (a == b) return true;
    Value fa = Thunk.force(a), fb = Thunk.force(b);
    if (fa == fb) return true;
    return equal(fa, fb, span);
  }

  /**
   * The two {@code outPath}s when both sets are derivations that have one, else null: they are then
   * equal exactly when those are, and nothing else of theirs is forced ({@code ==} and its
   * explanation for {@code assert}).
   */
  static Value[] derivationOutPaths(NixAttrs x, NixAttrs y) {
    if (!isDerivation(x) || !isDerivation(y)) return null;
    Value ox = x.get("outPath"), oy = y.get("outPath");
    return ox != null && oy != null ? new Value[] {ox, oy} : null;
  }

  private static boolean isDerivation(NixAttrs a) {
    Value t = a.get("type");
    if (t == null) return false;
    t = Thunk.force(t);
    return t instanceof NixString s && s.value().equals("derivation");
  }
}
