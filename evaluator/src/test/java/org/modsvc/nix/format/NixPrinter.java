package org.modsvc.nix.format;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Test helper: prints parser output the way {@code nix-instantiate --eval --strict} prints values.
 */
final class NixPrinter {

  private NixPrinter() {}

  static String print(Object v) {
    StringBuilder sb = new StringBuilder();
    print(v, sb);
    return sb.toString();
  }

  private static void print(Object v, StringBuilder sb) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof Boolean || v instanceof Long) {
      sb.append(v);
    } else if (v instanceof Double) {
      sb.append(FloatFormat.toDisplayString((Double) v));
    } else if (v instanceof String) {
      string((String) v, sb);
    } else if (v instanceof TomlParser.Timestamp) {
      sb.append("{ _type = \"timestamp\"; value = ");
      string(((TomlParser.Timestamp) v).text(), sb);
      sb.append("; }");
    } else if (v instanceof List) {
      sb.append("[ ");
      for (Object o : (List<?>) v) {
        print(o, sb);
        sb.append(' ');
      }
      sb.append(']');
    } else if (v instanceof Map) {
      sb.append("{ ");
      for (Map.Entry<?, ?> e : new TreeMap<>((Map<?, ?>) v).entrySet()) {
        String k = (String) e.getKey();
        if (k.matches("[a-zA-Z_][a-zA-Z0-9_'-]*")) {
          sb.append(k);
        } else {
          string(k, sb);
        }
        sb.append(" = ");
        print(e.getValue(), sb);
        sb.append("; ");
      }
      sb.append('}');
    } else {
      throw new IllegalArgumentException(v.getClass().toString());
    }
  }

  private static void string(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\t') {
        sb.append("\\t");
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
        sb.append("\\$");
      } else {
        sb.append(c);
      }
    }
    sb.append('"');
  }
}
