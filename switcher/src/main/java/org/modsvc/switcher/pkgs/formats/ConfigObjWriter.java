package org.modsvc.switcher.pkgs.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * nixpkgs' {@code formats.configobj}: what Python's ConfigObj (5.0, {@code interpolation=False})
 * writes after {@code update(value)}: a section's plain keys first, {@code key = value}, then its
 * sub-sections as {@code [name]}, {@code [[name]]} … (no indentation); lists comma-separated
 * ({@code ,} for none, {@code x,} for one); non-strings as Python's {@code str}; each key and value
 * quoted only when ConfigObj must ({@code "…"}, {@code '…'}, or triple quotes for line breaks).
 */
final class ConfigObjWriter {
  private static final String BLANK_OR_QUOTE = " \r\n\u000b\t'\"";

  private ConfigObjWriter() {}

  static String write(Object value) {
    List<String> out = new ArrayList<>();
    section(JsonValues.object(value, "a configobj value"), 1, out);
    String text = String.join("\n", out);
    return text.endsWith("\n") ? text : text + "\n";
  }

  private static void section(Map<String, Object> s, int depth, List<String> out) {
    for (Map.Entry<String, Object> e : s.entrySet()) {
      if (!(e.getValue() instanceof Map<?, ?>)) {
        out.add(quote(e.getKey(), false) + " = " + value(e.getValue()));
      }
    }
    for (Map.Entry<String, Object> e : s.entrySet()) {
      if (e.getValue() instanceof Map<?, ?> m) {
        out.add("[".repeat(depth) + quote(e.getKey(), false) + "]".repeat(depth));
        section(JsonValues.object(m, e.getKey()), depth + 1, out);
      }
    }
  }

  private static String value(Object v) {
    if (v instanceof List<?> l) {
      if (l.isEmpty()) return ",";
      List<String> items = new ArrayList<>();
      for (Object x : l) items.add(quote(PythonText.str(x), false));
      return l.size() == 1 ? items.get(0) + "," : String.join(", ", items);
    }
    return quote(PythonText.str(v), true);
  }

  private static String quote(String value, boolean multiline) {
    if (value.isEmpty()) return "\"\"";
    boolean single = value.indexOf('\'') >= 0;
    boolean dbl = value.indexOf('"') >= 0;
    boolean needTriple = multiline && (single && dbl || value.indexOf('\n') >= 0);
    if (needTriple) {
      boolean tripleDouble = value.contains("\"\"\"");
      if (tripleDouble && value.contains("'''")) throw unquotable(value);
      return tripleDouble ? "\"\"\"" + value + "\"\"\"" : "'''" + value + "'''";
    }
    if (value.indexOf('\n') >= 0) throw unquotable(value);
    boolean bare =
        BLANK_OR_QUOTE.indexOf(value.charAt(0)) < 0
            && BLANK_OR_QUOTE.indexOf(value.charAt(value.length() - 1)) < 0
            && value.indexOf(',') < 0
            && value.indexOf('#') < 0;
    if (bare) return value;
    if (single && dbl) throw unquotable(value);
    return dbl ? "'" + value + "'" : "\"" + value + "\"";
  }

  private static IllegalArgumentException unquotable(String value) {
    return new IllegalArgumentException("configobj cannot quote the value \"" + value + "\"");
  }
}
