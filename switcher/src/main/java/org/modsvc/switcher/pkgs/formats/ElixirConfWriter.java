package org.modsvc.switcher.pkgs.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.modsvc.nix.format.FloatFormat;

/**
 * nixpkgs' {@code formats.elixirConf}: {@code import Config} and one {@code config root, key,
 * value} call per key, as its builder writes them and then {@code mix format} lays them out (width
 * 98): a call that fits stays on one line; otherwise a keyword list value loses its brackets and
 * gives one {@code key: value} per line, a list or map value opens on the call's line with one
 * element per line, and any other value puts every argument on its own line under the first;
 * containers inside break the same way, a value that cannot break goes to the next line after
 * {@code key:} or {@code =>}. A call over several lines is set off by blank lines. Raw code and
 * atoms are written as given (mix format would lay out raw code too), tuples are never broken.
 */
final class ElixirConfWriter {
  private static final int WIDTH = 98;
  private static final String ARGUMENT_INDENT = " ".repeat("config ".length());

  private ElixirConfWriter() {}

  /** A value in the formatter's terms: a leaf's text, or a container with its entries' prefixes. */
  private record Node(
      String text, String open, String close, List<String> prefixes, List<Node> items) {
    static Node leaf(String text) {
      return new Node(text, null, null, List.of(), List.of());
    }

    boolean container() {
      return open != null;
    }

    boolean breakable() {
      return container() && !items.isEmpty() && !open.equals("{");
    }

    String flat() {
      if (!container()) return text;
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) parts.add(prefixes.get(i) + items.get(i).flat());
      return open + String.join(", ", parts) + close;
    }
  }

  static String write(Object value) {
    List<String> statements = new ArrayList<>();
    for (Map.Entry<String, Object> root :
        JsonValues.object(value, "an elixirConf value").entrySet()) {
      for (Map.Entry<String, Object> e :
          JsonValues.object(root.getValue(), root.getKey()).entrySet()) {
        statements.add(config(root.getKey(), e.getKey(), node(e.getValue())));
      }
    }
    StringBuilder out = new StringBuilder("import Config\n");
    String previous = null;
    for (String s : statements) {
      boolean blank = previous == null || previous.indexOf('\n') >= 0 || s.indexOf('\n') >= 0;
      out.append(blank ? "\n" : "").append(s).append('\n');
      previous = s;
    }
    return out.toString();
  }

  private static String config(String root, String key, Node value) {
    String head = "config " + root + ", " + key + ",";
    // A keyword list as the last argument loses its brackets.
    boolean keywords = value.breakable() && value.open.equals("[") && isKeywordList(value);
    String flat =
        head
            + " "
            + (keywords ? value.flat().substring(1, value.flat().length() - 1) : value.flat());
    if (fits(flat)) return flat;
    if (keywords) return head + "\n" + entries(value, 2);
    if (value.breakable()) {
      return head + " " + broken(value, 0);
    }
    return "config "
        + root
        + ",\n"
        + ARGUMENT_INDENT
        + key
        + ",\n"
        + ARGUMENT_INDENT
        + value.flat();
  }

  private static boolean isKeywordList(Node n) {
    return !n.prefixes.isEmpty() && n.prefixes.get(0).endsWith(": ");
  }

  /** The entries of a container, one per line at {@code indent}, comma-separated. */
  private static String entries(Node n, int indent) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < n.items.size(); i++) {
      String suffix = i < n.items.size() - 1 ? "," : "";
      lines.add(entry(n.prefixes.get(i), n.items.get(i), indent, suffix) + suffix);
    }
    return String.join("\n", lines);
  }

  private static String entry(String prefix, Node v, int indent, String suffix) {
    String pad = " ".repeat(indent);
    String flat = pad + prefix + v.flat();
    if (fits(flat + suffix)) return flat;
    if (v.breakable()) return pad + prefix + broken(v, indent);
    if (prefix.isEmpty()) return flat;
    // A value that cannot break moves under its key.
    return pad + prefix.stripTrailing() + "\n" + " ".repeat(indent + 2) + v.flat();
  }

  /**
   * A container opened on the current line, its entries below at {@code indent + 2}, closed at
   * {@code indent}.
   */
  private static String broken(Node n, int indent) {
    return n.open + "\n" + entries(n, indent + 2) + "\n" + " ".repeat(indent) + n.close;
  }

  private static boolean fits(String s) {
    int lineStart = s.lastIndexOf('\n') + 1;
    return s.indexOf('\n') < 0 && s.codePointCount(lineStart, s.length()) <= WIDTH;
  }

  // ---------------------------------------------------------------- toElixir (nixpkgs' generator)

  private static Node node(Object v) {
    if (v == null) return Node.leaf("nil");
    if (v instanceof Boolean b) return Node.leaf(b.toString());
    if (v instanceof Long l) return Node.leaf(l.toString());
    if (v instanceof Double d) return Node.leaf(FloatFormat.toNixString(d));
    if (v instanceof String s) return Node.leaf(string(s));
    if (v instanceof List<?> l) return container("[", "]", null, l);
    Map<String, Object> m = JsonValues.object(v, "an Elixir value");
    if (m.containsKey("_elixirType")) {
      String type = JsonValues.string(m.get("_elixirType"), "_elixirType");
      Object value = m.get("value");
      return switch (type) {
        case "raw", "atom" -> Node.leaf(JsonValues.string(value, "the value of an Elixir " + type));
        case "charlist" -> Node.leaf("~c\"" + JsonValues.string(value, "a charlist") + "\"");
        case "tuple" -> container("{", "}", null, value instanceof List<?> l ? l : List.of());
        case "map" -> {
          Map<String, Object> entries = JsonValues.object(value, "the value of mkMap");
          List<String> prefixes = new ArrayList<>();
          for (String k : entries.keySet()) prefixes.add(string(k) + " => ");
          yield container("%{", "}", prefixes, new ArrayList<>(entries.values()));
        }
        default -> throw new IllegalArgumentException("unknown _elixirType '" + type + "'");
      };
    }
    List<String> prefixes = new ArrayList<>();
    for (String k : m.keySet()) prefixes.add(k + ": ");
    return container("[", "]", prefixes, new ArrayList<>(m.values()));
  }

  private static Node container(String open, String close, List<String> prefixes, List<?> values) {
    List<Node> items = new ArrayList<>();
    for (Object x : values) items.add(node(x));
    List<String> p =
        prefixes != null
            ? prefixes
            : new ArrayList<>(java.util.Collections.nCopies(items.size(), ""));
    return new Node(null, open, close, p, items);
  }

  /** nixpkgs' Elixir string: backslash, {@code #} and double quote escaped, nothing else. */
  private static String string(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("#", "\\#").replace("\"", "\\\"") + "\"";
  }
}
