package org.modsvc.agent.json;

import java.util.List;
import java.util.Map;
import org.modsvc.nix.format.JsonWriter;

/** Nested maps, lists, strings, numbers and booleans as indented JSON (for {@code --json}). */
public final class JsonText {
  private JsonText() {}

  public static String of(Object value) {
    StringBuilder sb = new StringBuilder();
    write(value, sb, "");
    return sb.append('\n').toString();
  }

  private static void write(Object v, StringBuilder sb, String indent) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String s) {
      JsonWriter.quote(s, sb);
    } else if (v instanceof Number || v instanceof Boolean) {
      sb.append(v);
    } else if (v instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        sb.append("{}");
        return;
      }
      sb.append("{");
      String inner = indent + "  ";
      String sep = "\n";
      for (Map.Entry<?, ?> e : m.entrySet()) {
        sb.append(sep).append(inner);
        JsonWriter.quote(String.valueOf(e.getKey()), sb);
        sb.append(": ");
        write(e.getValue(), sb, inner);
        sep = ",\n";
      }
      sb.append('\n').append(indent).append('}');
    } else if (v instanceof List<?> l) {
      if (l.isEmpty()) {
        sb.append("[]");
        return;
      }
      sb.append("[");
      String inner = indent + "  ";
      String sep = "\n";
      for (Object o : l) {
        sb.append(sep).append(inner);
        write(o, sb, inner);
        sep = ",\n";
      }
      sb.append('\n').append(indent).append(']');
    } else if (v instanceof java.util.Set<?> s) {
      write(List.copyOf(s), sb, indent);
    } else {
      JsonWriter.quote(v.toString(), sb);
    }
  }
}
