package org.modsvc.switcher.pkgs.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.modsvc.nix.format.JsonWriter;

/**
 * nixpkgs' {@code formats.lua}: {@code lib.generators.toLua} of the value (after {@code return}
 * unless {@code asBindings}), then formatted by StyLua as its builder runs it. StyLua keeps a table
 * that toLua wrote over several lines ({@code multiline}, the default) expanded, one field per line
 * with a trailing comma, and keeps a one-line table on one line when it fits in {@code
 * columnWidth}, expanding it otherwise; it indents by {@code indentWidth} spaces or a tab, and
 * writes a string in single quotes when it holds more double than single quotes. Values of {@code
 * mkLuaInline} are written as given, in parentheses (StyLua would format the code in them).
 */
final class LuaWriter {
  private static final Pattern NAME =
      Pattern.compile("[\\p{Alpha}_][\\p{Alnum}_]*(\\.[\\p{Alpha}_][\\p{Alnum}_]*)*");

  private final boolean multiline;
  private final int columnWidth;
  private final String indentUnit;
  private final int indentWidth;

  private LuaWriter(boolean multiline, int columnWidth, int indentWidth, boolean tabs) {
    this.multiline = multiline;
    this.columnWidth = columnWidth;
    this.indentWidth = tabs ? 4 : indentWidth;
    this.indentUnit = tabs ? "\t" : " ".repeat(indentWidth);
  }

  static String write(Object value, Map<String, Object> options) {
    LuaWriter w =
        new LuaWriter(
            Boolean.TRUE.equals(options.get("multiline")),
            intOption(options, "columnWidth"),
            intOption(options, "indentWidth"),
            Boolean.TRUE.equals(options.get("indentUsingTabs")));
    StringBuilder sb = new StringBuilder();
    if (Boolean.TRUE.equals(options.get("asBindings"))) {
      for (Map.Entry<String, Object> e :
          JsonValues.object(value, "a Lua bindings value").entrySet()) {
        if (!NAME.matcher(e.getKey()).matches())
          throw new IllegalArgumentException("Bad Lua var names: " + e.getKey());
        String head = e.getKey() + " = ";
        sb.append(head).append(w.value(e.getValue(), 0, head.length(), 0)).append('\n');
      }
    } else {
      sb.append("return ").append(w.value(value, 0, "return ".length(), 0)).append('\n');
    }
    return sb.toString();
  }

  private static int intOption(Map<String, Object> options, String name) {
    if (options.get(name) instanceof Long l) return l.intValue();
    throw new IllegalArgumentException(name + " must be an integer");
  }

  /**
   * {@code v} at nesting {@code depth}, starting at column {@code column}; {@code after} columns
   * follow it on its line (the trailing comma of a field).
   */
  private String value(Object v, int depth, int column, int after) {
    if (v == null) return "nil";
    if (v instanceof Boolean || v instanceof Long || v instanceof Double)
      return JsonValues.number(v);
    if (v instanceof String s) return string(s);
    List<String> fields = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    if (v instanceof List<?> l) {
      for (Object x : l) {
        fields.add("");
        values.add(x);
      }
    } else {
      Map<String, Object> m = JsonValues.object(v, "a Lua value");
      if ("lua-inline".equals(m.get("_type")))
        return "(" + JsonValues.string(m.get("expr"), "the expr of mkLuaInline") + ")";
      for (Map.Entry<String, Object> e : m.entrySet()) {
        fields.add("[" + string(e.getKey()) + "] = ");
        values.add(e.getValue());
      }
    }
    if (values.isEmpty()) return "{}";
    if (!multiline) {
      List<String> inline = new ArrayList<>();
      for (int i = 0; i < values.size(); i++)
        inline.add(fields.get(i) + value(values.get(i), depth + 1, 0, 0));
      String one = "{ " + String.join(", ", inline) + " }";
      if (one.indexOf('\n') < 0 && column + width(one) + after <= columnWidth) return one;
    }
    String inner = indentUnit.repeat(depth + 1);
    StringBuilder sb = new StringBuilder("{\n");
    for (int i = 0; i < values.size(); i++) {
      int start = (depth + 1) * indentWidth + width(fields.get(i));
      sb.append(inner)
          .append(fields.get(i))
          .append(value(values.get(i), depth + 1, start, 1))
          .append(",\n");
    }
    return sb.append(indentUnit.repeat(depth)).append('}').toString();
  }

  private static int width(String s) {
    return s.codePointCount(0, s.length());
  }

  /** toLua's JSON string, requoted as StyLua prefers. */
  private static String string(String s) {
    String json = JsonWriter.quote(s);
    long doubles = s.chars().filter(c -> c == '"').count();
    long singles = s.chars().filter(c -> c == '\'').count();
    if (doubles <= singles) return json;
    String body = json.substring(1, json.length() - 1).replace("\\\"", "\"").replace("'", "\\'");
    return "'" + body + "'";
  }
}
