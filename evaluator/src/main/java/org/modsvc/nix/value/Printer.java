package org.modsvc.nix.value;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Prints values the way {@code nix-instantiate --eval} does ({@code { a = 1; }}, {@code [ 1 2 ]},
 * {@code <LAMBDA>}, {@code «repeated»} for a list or set printed before), and the shortened form
 * used inside error messages: unforced values shown as {@code «thunk»}, functions with positions,
 * and Nix's limits (nesting depth 10, then {@code { ... }}; 10 attributes and 10 list items in the
 * whole value, then {@code «N attributes elided»}; strings cut after 1024 characters).
 */
public final class Printer {
  private final StringBuilder out = new StringBuilder();
  private final boolean strict;
  private final boolean forError;
  private final Map<Object, Boolean> seen = new IdentityHashMap<>();

  /** Nix's limits for values in error messages (its {@code errorPrintOptions}). */
  private static final int MAX_DEPTH = 10, MAX_ATTRS = 10, MAX_ITEMS = 10, MAX_STRING = 1024;

  /**
   * Budgets shared by the whole printed value, not per level: attributes and list items separately.
   */
  private int attrsPrinted, listItemsPrinted;

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
   * Nix tracks repeats per value cell, not per list or set: a thunk slot is one cell, so the key is
   * the thunk when there is one (this makes {@code let x = [ x ]; in x} print {@code [ [ «repeated»
   * ] ]}).
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
    else if (v instanceof NixFloat f)
      out.append(org.modsvc.nix.format.FloatFormat.toDisplayString(f.value()));
    else if (v instanceof NixBool b) out.append(b.value());
    else if (v instanceof NixNull) out.append("null");
    else if (v instanceof NixString s) {
      if (forError && s.value().length() > MAX_STRING) {
        quote(out, s.value().substring(0, MAX_STRING));
        out.append(' ');
        elided(s.value().length() - MAX_STRING, "byte", "bytes");
        out.setLength(out.length() - 1);
      } else {
        quote(out, s.value());
      }
    } else if (v instanceof NixPath p) out.append(p.path());
    else if (v instanceof NixList l) list(l, depth);
    else if (v instanceof NixAttrs a) attrs(a, depth);
    else if (v instanceof NixFunction f) {
      out.append(f.show(forError));
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
    if (l.size() == 0) {
      out.append("[ ]");
      return;
    }
    if (!forError && repeated(l)) return;
    if (forError && depth >= MAX_DEPTH) {
      out.append("[ ... ]");
      return;
    }
    out.append("[ ");
    Value[] items = l.items();
    for (int i = 0; i < items.length; i++) {
      if (forError && listItemsPrinted >= MAX_ITEMS) {
        elided(items.length - i, "item", "items");
        break;
      }
      value(items[i], depth + 1);
      out.append(' ');
      // Counted after the item, as Nix does: nested items printed first use up the budget.
      listItemsPrinted++;
    }
    out.append(']');
  }

  private void attrs(NixAttrs a, int depth) {
    if (a.size() == 0) {
      out.append("{ }");
      return;
    }
    if (!forError && repeated(a)) return;
    if (forError && depth >= MAX_DEPTH) {
      out.append("{ ... }");
      return;
    }
    out.append("{ ");
    int[] order = forError ? importantFirst(a) : null;
    for (int k = 0; k < a.size(); k++) {
      int i = order == null ? k : order[k];
      if (forError && attrsPrinted >= MAX_ATTRS) {
        elided(a.size() - k, "attribute", "attributes");
        break;
      }
      attrName(out, a.name(i));
      out.append(" = ");
      value(a.value(i), depth + 1);
      out.append("; ");
      attrsPrinted++;
    }
    out.append('}');
  }

  private void elided(int n, String single, String plural) {
    out.append('«').append(n).append(' ').append(n == 1 ? single : plural).append(" elided» ");
  }

  /**
   * Error messages list {@code type} and {@code _type} first, so a truncated set still says what it
   * is.
   */
  private static int[] importantFirst(NixAttrs a) {
    int[] order = new int[a.size()];
    int k = 0;
    for (int i = 0; i < a.size(); i++) if (isImportant(a.name(i))) order[k++] = i;
    for (int i = 0; i < a.size(); i++) if (!isImportant(a.name(i))) order[k++] = i;
    return order;
  }

  private static boolean isImportant(String name) {
    return name.equals("type") || name.equals("_type");
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
      if (!((c < 128 && Character.isLetterOrDigit(c)) || c == '_' || c == '\'' || c == '-'))
        return false;
    }
    return !(s.equals("if")
        || s.equals("then")
        || s.equals("else")
        || s.equals("assert")
        || s.equals("with")
        || s.equals("let")
        || s.equals("in")
        || s.equals("rec")
        || s.equals("inherit")
        || s.equals("or"));
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
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        case '\t':
          sb.append("\\t");
          break;
        case '$':
          if (i + 1 < s.length() && s.charAt(i + 1) == '{') sb.append("\\$");
          else sb.append('$');
          break;
        default:
          sb.append(c);
      }
    }
    sb.append('"');
  }
}
