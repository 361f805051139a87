package org.modsvc.switcher.pkgs.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Python's {@code str} and {@code repr} of JSON values, for the writers whose tool is Python. */
final class PythonText {
  private PythonText() {}

  static String str(Object v) {
    return v instanceof String s ? s : repr(v);
  }

  static String repr(Object v) {
    if (v == null) return "None";
    if (v instanceof Boolean b) return b ? "True" : "False";
    if (v instanceof Long) return v.toString();
    if (v instanceof Double d) return FloatText.pythonRepr(d);
    if (v instanceof String s) return reprString(s);
    List<String> parts = new ArrayList<>();
    if (v instanceof List<?> l) {
      for (Object x : l) parts.add(repr(x));
      return "[" + String.join(", ", parts) + "]";
    }
    for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet())
      parts.add(reprString((String) e.getKey()) + ": " + repr(e.getValue()));
    return "{" + String.join(", ", parts) + "}";
  }

  /** {@code repr(str)}: single quotes unless the text has one and no double quote. */
  static String reprString(String s) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    return quoted(s, quote);
  }

  /** {@code s} between {@code quote}s with the escapes of Python's repr. */
  static String quoted(String s, char quote) {
    StringBuilder sb = new StringBuilder().append(quote);
    s.codePoints()
        .forEach(
            c -> {
              if (c == quote || c == '\\') sb.append('\\').appendCodePoint(c);
              else if (c == '\t') sb.append("\\t");
              else if (c == '\n') sb.append("\\n");
              else if (c == '\r') sb.append("\\r");
              else if (isPrintable(c)) sb.appendCodePoint(c);
              else if (c < 0x100) sb.append(String.format("\\x%02x", c));
              else if (c < 0x10000) sb.append(String.format("\\u%04x", c));
              else sb.append(String.format("\\U%08x", c));
            });
    return sb.append(quote).toString();
  }

  /**
   * Python's {@code str.isprintable} for one character: not a control, format, separator or
   * unassigned one (but space).
   */
  private static boolean isPrintable(int c) {
    if (c == ' ') return true;
    return switch (Character.getType(c)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.SURROGATE,
          Character.PRIVATE_USE,
          Character.UNASSIGNED,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.SPACE_SEPARATOR ->
          false;
      default -> true;
    };
  }
}
