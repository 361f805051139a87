package org.modsvc.switcher.pkgs.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.modsvc.nix.format.JsonWriter;

/**
 * nixpkgs' {@code formats.hocon}: what its {@code hocon-generator} (a small Rust program over
 * serde_json) prints. Objects as {@code {} with one {@code "key" = value} line per key in sorted
 * order, indented two spaces per level; lists as {@code [} with comma-separated elements on their own
 * lines; keys and strings as JSON strings; {@code _includes} as {@code include} lines (written right
 * before the first key, with no line break between them, as that program does); the special values
 * of {@code formats.hocon.lib} (substitutions {@code ${?x}} unless {@code required}, {@code +=}
 * appends, unquoted strings). The document ends with an empty line.
 */
final class HoconWriter {
  private HoconWriter() {}

  static String write(Object value) {
    return render(value) + "\n\n";
  }

  private static String render(Object v) {
    if (v == null) return "null";
    if (v instanceof Boolean || v instanceof Long) return v.toString();
    if (v instanceof Double d) return FloatText.ryu(d);
    if (v instanceof String s) return JsonWriter.quote(s);
    if (v instanceof List<?> l) {
      List<String> items = new ArrayList<>();
      for (Object x : l) items.add(render(x));
      return "[\n" + indent(String.join(",\n", items)) + "\n]";
    }
    Map<String, Object> o = JsonValues.object(v, "a HOCON value");
    Object type = o.get("_type");
    if (type instanceof String t) {
      switch (t) {
        case "substitution" -> {
          String name = JsonValues.string(o.get("value"), "the value of a substitution");
          boolean required = Boolean.TRUE.equals(o.get("required"));
          return "${" + (required ? "" : "?") + name + "}";
        }
        case "unquoted_string" -> {
          return JsonValues.string(o.get("value"), "the value of an unquoted string");
        }
        case "append" ->
            throw new IllegalArgumentException("mkAppend can only be the value of a key");
        default ->
            throw new IllegalArgumentException(
                "an attribute set's _type '" + t + "' is not one of HOCON's special values");
      }
    }
    List<String> includes = new ArrayList<>();
    if (o.get("_includes") != null) {
      if (!(o.get("_includes") instanceof List<?> l))
        throw new IllegalArgumentException("_includes is not a list");
      for (Object i : l) includes.add("include " + include(JsonValues.object(i, "an include")));
    }
    List<String> items = new ArrayList<>();
    for (Map.Entry<String, Object> e : new TreeMap<>(o).entrySet()) {
      if (e.getKey().equals("_includes")) continue;
      String key = JsonWriter.quote(e.getKey());
      if (e.getValue() instanceof Map<?, ?> m && "append".equals(m.get("_type"))) {
        items.add(key + " += " + render(m.get("value")));
      } else {
        items.add(key + " = " + render(e.getValue()));
      }
    }
    String content = String.join("\n", includes) + String.join("\n", items);
    return "{\n" + indent(content) + "\n}";
  }

  private static String include(Map<String, Object> i) {
    String target = JsonWriter.quote(JsonValues.string(i.get("value"), "the value of an include"));
    Object type = i.get("type");
    String s;
    if (type == null) s = target;
    else
      switch (JsonValues.string(type, "the type of an include")) {
        case "url" -> s = "url(" + target + ")";
        case "file" -> s = "file(" + target + ")";
        case "classpath" -> s = "classpath(" + target + ")";
        default ->
            throw new IllegalArgumentException(
                "an include's type must be file, url or classpath, not " + type);
      }
    return Boolean.TRUE.equals(i.get("required")) ? "required(" + s + ")" : s;
  }

  /** Two spaces before every line, empty ones included. */
  private static String indent(String s) {
    return "  " + s.replace("\n", "\n  ");
  }
}
