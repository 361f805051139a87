package org.modsvc.nix.value;

import java.util.IdentityHashMap;
import java.util.Map;
import org.modsvc.nix.eval.Lambda;
import org.modsvc.nix.eval.PrimOp;
import org.modsvc.nix.eval.PrimOpApp;


/**
 * Prints values the way {@code nix-instantiate --eval} does ({@code { a = 1; }}, {@code [ 1 2 ]},
 * {@code <LAMBDA>}, {@code «repeated»} for a list or set printed before), and the shortened form used
 * inside error messages (at most 10 items per level, nested values elided, functions with positions).
 */
public final class Printer {
  private final StringBuilder out = new StringBuilder();
  private final boolean strict;
  private final boolean forError;
  private final Map<Object, Boolean> seen = new IdentityHashMap<>();
  private int budget = 10;

  private Printer(boolean strict, boolean forError) {
    this.strict = strict;
    this.forError = forError;
  }

  /** Output of {@code nix-instantiate --eval [--strict]}; forces values when strict. */
  public static String print(Value v, boolean strict) {
    Printer p = new Printer(strict, false);
    p.value(v, 0);
    return p.out.toString();
  }

  /** A value inside an error message: never forces, elides long lists and sets. */
  public static String forError(Value v) {
    Printer p = new Printer(false, true);
    p.value(v, 0);
    return p.out.toString();
  }

  /**
   * Nix tracks repeats per value cell, not per list or set: a thunk slot is one cell, so the key is the
   * thunk when there is one (this makes {@code let x = [ x ]; in x} print {@code [ [ «repeated» ] ]}).
   */
  private Object cell;

  private void value(Value v, int depth) {
    cell = v;
    if (v instanceof Thunk t) {
      if (t.isEvaluated() || (strict && !forError)) {
        v = t.force();
      } else {
        out.append(forError ? "«thunk»" : "<CODE>");
        return;
      }
    }
    if (v instanceof NixInt i) out.append(i.value());
    else if (v instanceof NixFloat f) out.append(org.modsvc.nix.format.NixFloat.toDisplayString(f.value()));
    else if (v instanceof NixBool b) out.append(b.value());
    else if (v instanceof NixNull) out.append("null");
    else if (v instanceof NixString s) quote(out, s.value());
    else if (v instanceof NixPath p) out.append(p.path());
    else if (v instanceof NixList l) list(l, depth);
    else if (v instanceof NixAttrs a) attrs(a, depth);
    else if (v instanceof Lambda lam) {
      out.append(forError ? "«lambda @ " + lam.position() + "»" : "<LAMBDA>");
    } else if (v instanceof PrimOp p) {
      out.append(forError ? "«primop " + p.name() + "»" : "<PRIMOP>");
    } else if (v instanceof PrimOpApp p) {
      out.append(forError ? "«partially applied primop " + p.primOp().name() + "»" : "<PRIMOP-APP>");
    } else {
      out.append("«").append(v.typeName()).append("»");
    }
  }

  private boolean repeated(Object o) {
    if (seen.put(cell, Boolean.TRUE) != null) {
      out.append("«repeated»");
      return true;
    }
    return false;
  }

  private void list(NixList l, int depth) {
    if (l.size() == 0) { out.append("[ ]"); return; }
    if (!forError && repeated(l)) return;
    if (forError && depth >= 10) { out.append("[ … ]"); return; }
    out.append("[ ");
    Value[] items = l.items();
    for (int i = 0; i < items.length; i++) {
      if (forError && budget <= 0) {
        int left = items.length - i;
        out.append("«").append(left).append(left == 1 ? " item elided» " : " items elided» ");
        break;
      }
      if (forError) budget--;
      value(items[i], depth + 1);
      out.append(' ');
    }
    out.append(']');
  }

  private void attrs(NixAttrs a, int depth) {
    if (a.size() == 0) { out.append("{ }"); return; }
    if (!forError && repeated(a)) return;
    if (forError && isDerivation(a)) {
      Value drv = a.get("drvPath");
      out.append("«derivation");
      if (drv instanceof NixString s) out.append(' ').append(s.value());
      else if (drv instanceof Thunk t && t.isEvaluated() && t.force() instanceof NixString s) out.append(' ').append(s.value());
      out.append("»");
      return;
    }
    if (forError && depth >= 10) { out.append("{ … }"); return; }
    out.append("{ ");
    for (int i = 0; i < a.size(); i++) {
      if (forError && budget <= 0) {
        int left = a.size() - i;
        out.append("«").append(left).append(left == 1 ? " attribute elided» " : " attributes elided» ");
        break;
      }
      if (forError) budget--;
      attrName(out, a.name(i));
      out.append(" = ");
      value(a.value(i), depth + 1);
      out.append("; ");
    }
    out.append('}');
  }

  private static boolean isDerivation(NixAttrs a) {
    Value t = a.get("type");
    if (t instanceof Thunk th) {
      if (!th.isEvaluated()) return false;
      t = th.force();
    }
    return t instanceof NixString s && s.value().equals("derivation");
  }

  /** Attribute names are printed bare when they are identifiers, quoted otherwise. */
  public static void attrName(StringBuilder sb, String name) {
    if (isIdentifier(name)) sb.append(name);
    else quote(sb, name);
  }

  public static boolean isIdentifier(String s) {
    if (s.isEmpty()) return false;
    char c = s.charAt(0);
    if (!(Character.isLetter(c) && c < 128 || c == '_')) return false;
    for (int i = 1; i < s.length(); i++) {
      c = s.charAt(i);
      if (!((c < 128 && Character.isLetterOrDigit(c)) || c == '_' || c == '\'' || c == '-')) return false;
    }
    return !(s.equals("if") || s.equals("then") || s.equals("else") || s.equals("assert") || s.equals("with")
        || s.equals("let") || s.equals("in") || s.equals("rec") || s.equals("inherit") || s.equals("or"));
  }

  public static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2);
    quote(sb, s);
    return sb.toString();
  }

  public static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"': sb.append("\\\""); break;
        case '\\': sb.append("\\\\"); break;
        case '\n': sb.append("\\n"); break;
        case '\r': sb.append("\\r"); break;
        case '\t': sb.append("\\t"); break;
        case '$':
          if (i + 1 < s.length() && s.charAt(i + 1) == '{') sb.append("\\$");
          else sb.append('$');
          break;
        default: sb.append(c);
      }
    }
    sb.append('"');
  }
}
