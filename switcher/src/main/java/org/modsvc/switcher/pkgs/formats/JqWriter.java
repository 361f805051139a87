package org.modsvc.switcher.pkgs.formats;

import java.util.List;
import java.util.Map;

/**
 * {@code jq .} of a JSON document, as nixpkgs' {@code formats.json} writes it: two-space
 * indentation, keys in their order (Nix's, sorted), {@code []} and {@code {}} for empty containers,
 * numbers as written (jq ≥ 1.7 keeps number literals), non-ASCII characters as they are, and jq's
 * escapes.
 */
final class JqWriter {
  private JqWriter() {}

  static String write(Object value) {
    StringBuilder sb = new StringBuilder();
    value(value, "", sb);
    return sb.append('\n').toString();
  }

  private static void value(Object v, String indent, StringBuilder sb) {
    String inner = indent + "  ";
    if (v instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        sb.append("{}");
        return;
      }
      sb.append("{\n");
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) sb.append(",\n");
        first = false;
        sb.append(inner);
        string((String) e.getKey(), sb);
        sb.append(": ");
        value(e.getValue(), inner, sb);
      }
      sb.append('\n').append(indent).append('}');
    } else if (v instanceof List<?> l) {
      if (l.isEmpty()) {
        sb.append("[]");
        return;
      }
      sb.append("[\n");
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) sb.append(",\n");
        sb.append(inner);
        value(l.get(i), inner, sb);
      }
      sb.append('\n').append(indent).append(']');
    } else if (v instanceof String s) {
      string(s, sb);
    } else if (v == null) {
      sb.append("null");
    } else if (v instanceof Boolean b) {
      sb.append(b);
    } else {
      sb.append(JsonValues.number(v));
    }
  }

  /**
   * jq's string escapes: the short ones, other control characters and DEL as lower-case \\u00XX.
   */
  static void string(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x7f) sb.append(String.format("\\u%04x", (int) c));
          else sb.append(c);
        }
      }
    }
    sb.append('"');
  }
}
