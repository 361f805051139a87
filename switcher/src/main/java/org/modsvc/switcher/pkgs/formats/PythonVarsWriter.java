package org.modsvc.switcher.pkgs.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * nixpkgs' {@code formats.pythonVars}: a Python module of {@code import} lines and one assignment
 * per key, as its builder writes it (the AST printed by {@code ast.unparse}, then formatted by
 * black): the imports, a blank line, then {@code NAME = value} lines of at most 88 columns where a
 * list or dict that does not fit is opened over several lines, one element per line with a trailing
 * comma when it has several (black's right-hand and delimiter splits). Strings in double quotes
 * unless that needs more escapes (black's preference), with Python's escapes; floats as Python
 * writes them. A {@code mkRaw} expression is written as given: black would reformat it, so it
 * matches nixpkgs when written in black's style.
 */
final class PythonVarsWriter {
  private static final int LINE_LENGTH = 88;

  private PythonVarsWriter() {}

  /** {@code input} is {@code { imports = [ names ]; value = { NAME = value; }; }}. */
  static String write(Object input) {
    Map<String, Object> in = JsonValues.object(input, "the pythonVars input");
    StringBuilder out = new StringBuilder();
    List<?> imports = in.get("imports") instanceof List<?> l ? l : List.of();
    for (Object i : imports) {
      out.append("import ").append(JsonValues.string(i, "an entry of _imports")).append('\n');
    }
    Map<String, Object> vars = JsonValues.object(in.get("value"), "a pythonVars value");
    if (!imports.isEmpty() && !vars.isEmpty()) out.append('\n');
    for (Map.Entry<String, Object> e : vars.entrySet()) {
      if (!e.getKey().matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw new IllegalArgumentException("'" + e.getKey() + "' is not a Python variable name");
      }
      List<String> lines = new ArrayList<>();
      format(0, e.getKey() + " = ", e.getValue(), "", lines);
      for (String line : lines) out.append(line).append('\n');
    }
    return out.toString();
  }

  /** {@code prefix + value + suffix} at {@code depth}, split as black splits it when too long. */
  private static void format(
      int depth, String prefix, Object v, String suffix, List<String> lines) {
    String indent = "    ".repeat(depth);
    String flat = indent + prefix + flat(v) + suffix;
    boolean collection =
        v instanceof List<?> l && !l.isEmpty()
            || v instanceof Map<?, ?> m && !m.isEmpty() && !isRaw(m);
    if (flat.codePointCount(0, flat.length()) <= LINE_LENGTH || !collection) {
      lines.add(flat);
      return;
    }
    boolean isList = v instanceof List<?>;
    lines.add(indent + prefix + (isList ? "[" : "{"));
    List<String> keys = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    if (isList) {
      values.addAll((List<?>) v);
      values.forEach(x -> keys.add(""));
    } else {
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        keys.add(string((String) e.getKey()) + ": ");
        values.add(e.getValue());
      }
    }
    // Several elements: one per line, each with a comma; one element: on its own line, no comma.
    String comma = values.size() > 1 ? "," : "";
    for (int i = 0; i < values.size(); i++) {
      format(depth + 1, keys.get(i), values.get(i), comma, lines);
    }
    lines.add(indent + (isList ? "]" : "}") + suffix);
  }

  private static boolean isRaw(Map<?, ?> m) {
    return "raw".equals(m.get("_type"));
  }

  private static String flat(Object v) {
    if (v == null) return "None";
    if (v instanceof Boolean b) return b ? "True" : "False";
    if (v instanceof Long) return v.toString();
    if (v instanceof Double d) return floatText(d);
    if (v instanceof String s) return string(s);
    if (v instanceof List<?> l) {
      List<String> parts = new ArrayList<>();
      for (Object x : l) parts.add(flat(x));
      return "[" + String.join(", ", parts) + "]";
    }
    Map<?, ?> m = (Map<?, ?>) v;
    if (isRaw(m)) return JsonValues.string(m.get("value"), "the value of mkRaw");
    List<String> parts = new ArrayList<>();
    for (Map.Entry<?, ?> e : m.entrySet())
      parts.add(string((String) e.getKey()) + ": " + flat(e.getValue()));
    return "{" + String.join(", ", parts) + "}";
  }

  /** Python's float repr as black leaves it: no {@code +} in an exponent. */
  private static String floatText(double d) {
    return FloatText.pythonRepr(d).replace("e+", "e");
  }

  /**
   * A string literal as black leaves Python's repr of it: double quotes unless the text holds more
   * double than single quotes (black never adds escapes), escapes as {@code repr} writes them.
   */
  static String string(String s) {
    long doubles = s.chars().filter(c -> c == '"').count();
    long singles = s.chars().filter(c -> c == '\'').count();
    return PythonText.quoted(s, doubles > singles ? '\'' : '"');
  }
}
