package org.modsvc.switcher.pkgs.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code json2x toml} of nixpkgs' {@code formats.toml}, which is {@code toml::to_string} of the
 * toml crate (1.1) on serde_json's value: a table's plain keys in its body, each sub-table and each
 * element of an array of tables under its own header in the order they are met (parents first),
 * headers of tables holding only tables left out, a blank line between tables; arrays and inline
 * tables on one line; each string and key in the plainest form that needs no escape (toml_writer's
 * choice).
 */
final class TomlWriter {
  /** A table being written: {@code path} is null for the root. */
  private static final class Table {
    final List<String> path;
    final boolean arrayElement;
    final StringBuilder body = new StringBuilder();
    boolean hasChildren;

    Table(List<String> path, boolean arrayElement) {
      this.path = path;
      this.arrayElement = arrayElement;
    }

    boolean required() {
      if (path == null) return body.length() > 0;
      return arrayElement || body.length() > 0 || !hasChildren;
    }
  }

  private final List<Table> tables = new ArrayList<>();

  private TomlWriter() {}

  static String write(Object value) {
    if (!(value instanceof Map<?, ?>)) {
      throw new IllegalArgumentException(
          "a TOML document must be an attribute set, not " + JsonValues.describe(value));
    }
    TomlWriter w = new TomlWriter();
    Table root = w.newTable(null, false);
    w.table(root, JsonValues.object(value, "a TOML document"));
    StringBuilder out = new StringBuilder();
    boolean first = true;
    for (Table t : w.tables) {
      if (!t.required()) continue;
      if (!first) out.append('\n');
      first = false;
      if (t.path != null) {
        out.append(t.arrayElement ? "[[" : "[")
            .append(String.join(".", t.path))
            .append(t.arrayElement ? "]]" : "]")
            .append('\n');
      }
      out.append(t.body);
    }
    return out.toString();
  }

  private Table newTable(List<String> path, boolean arrayElement) {
    Table t = new Table(path, arrayElement);
    tables.add(t);
    return t;
  }

  private static List<String> child(Table parent, String key) {
    List<String> path = parent.path == null ? new ArrayList<>() : new ArrayList<>(parent.path);
    path.add(key);
    return path;
  }

  private void table(Table t, Map<String, Object> entries) {
    for (Map.Entry<String, Object> e : entries.entrySet()) {
      String key = key(e.getKey());
      Object v = e.getValue();
      if (v instanceof Map<?, ?>) {
        t.hasChildren = true;
        table(newTable(child(t, key), false), JsonValues.object(v, key));
      } else if (isArrayOfTables(v)) {
        t.hasChildren = true;
        for (Object element : (List<?>) v) {
          table(newTable(child(t, key), true), JsonValues.object(element, key));
        }
      } else {
        t.body.append(key).append(" = ");
        value(v, t.body);
        t.body.append('\n');
      }
    }
  }

  private static boolean isArrayOfTables(Object v) {
    return v instanceof List<?> l
        && !l.isEmpty()
        && l.stream().allMatch(x -> x instanceof Map<?, ?>);
  }

  private static void value(Object v, StringBuilder sb) {
    if (v instanceof String s) {
      string(s, sb);
    } else if (v instanceof Boolean || v instanceof Long) {
      sb.append(v);
    } else if (v instanceof Double d) {
      sb.append(FloatText.rustDisplay(d));
    } else if (v instanceof List<?> l) {
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) sb.append(", ");
        value(l.get(i), sb);
      }
      sb.append(']');
    } else if (v instanceof Map<?, ?> m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        sb.append(first ? " " : ", ");
        first = false;
        sb.append(key((String) e.getKey())).append(" = ");
        value(e.getValue(), sb);
      }
      sb.append(first ? "}" : " }");
    } else if (v == null) {
      throw new IllegalArgumentException(
          "TOML has no null value; remove the key or use another value");
    } else {
      sb.append(v);
    }
  }

  // ---------------------------------------------------------------- strings and keys

  /** What a string holds that decides how it can be written (toml_writer's metrics). */
  private record Metrics(
      int maxSingleQuotes,
      int maxDoubleQuotes,
      boolean controls,
      boolean backslash,
      boolean newline) {
    static Metrics of(String s, boolean newlineIsControl) {
      int sq = 0, dq = 0, maxSq = 0, maxDq = 0;
      boolean controls = false, backslash = false, newline = false;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        sq = c == '\'' ? sq + 1 : 0;
        dq = c == '"' ? dq + 1 : 0;
        maxSq = Math.max(maxSq, sq);
        maxDq = Math.max(maxDq, dq);
        if (c == '\\') backslash = true;
        else if (c == '\n' && !newlineIsControl) newline = true;
        else if (c != '\t' && (c <= 0x1f || c == 0x7f)) controls = true;
      }
      return new Metrics(maxSq, maxDq, controls, backslash, newline);
    }
  }

  static void string(String s, StringBuilder sb) {
    Metrics m = Metrics.of(s, false);
    if (!m.controls && !m.backslash && m.maxDoubleQuotes == 0 && !m.newline) {
      quoted(s, false, sb);
    } else if (!m.controls && m.maxSingleQuotes == 0 && !m.newline) {
      sb.append('\'').append(s).append('\'');
    } else if (!m.controls && !m.backslash && m.maxDoubleQuotes <= 2) {
      quoted(s, true, sb);
    } else if (!m.controls && m.maxSingleQuotes <= 2) {
      sb.append("'''").append(m.newline ? "\n" : "").append(s).append("'''");
    } else {
      quoted(s, m.newline, sb);
    }
  }

  static String key(String k) {
    StringBuilder sb = new StringBuilder();
    if (!k.isEmpty()
        && k.chars()
            .allMatch(c -> c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '_'))) {
      return k;
    }
    Metrics m = Metrics.of(k, true);
    if (!m.controls && !m.backslash && m.maxDoubleQuotes == 0) {
      quoted(k, false, sb);
    } else if (!m.controls && m.maxSingleQuotes == 0) {
      sb.append('\'').append(k).append('\'');
    } else {
      quoted(k, false, sb);
    }
    return sb.toString();
  }

  /** A basic string ({@code "…"}) or multi-line basic string ({@code """…"""}) with its escapes. */
  private static void quoted(String s, boolean multiline, StringBuilder sb) {
    String delimiter = multiline ? "\"\"\"" : "\"";
    sb.append(delimiter);
    if (multiline && s.indexOf('\n') >= 0) sb.append('\n');
    int quotesAllowed = multiline ? 2 : 0;
    int quotes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        if (++quotes > quotesAllowed) {
          sb.append("\\\"");
          quotes = 0;
        } else {
          sb.append(c);
        }
        continue;
      }
      quotes = 0;
      switch (c) {
        case '\b' -> sb.append("\\b");
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append(multiline ? "\n" : "\\n");
        case '\f' -> sb.append("\\f");
        case '\r' -> sb.append("\\r");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (c <= 0x1f || c == 0x7f) sb.append(String.format("\\u%04X", (int) c));
          else sb.append(c);
        }
      }
    }
    sb.append(delimiter);
  }
}
