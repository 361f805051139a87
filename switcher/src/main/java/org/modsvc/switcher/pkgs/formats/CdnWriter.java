package org.modsvc.switcher.pkgs.formats;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * nixpkgs' {@code formats.cdn}: what {@code json2cdn} writes, which reads Nix's JSON text with the CDN
 * library's JSON-like reader (net.dzikoysk:cdn 1.14.5) and renders it in the standard CDN syntax. The
 * reader is a line-based one: it first breaks the JSON into lines at braces, brackets and commas
 * (tracking quotes, but not backslash escapes), then reads each line as a section opening, a closing,
 * a {@code key: value} entry or an array element; empty lines become blank lines before the next
 * element. Rendering indents by two spaces, writes sections as {@code name {} / {@code name [} with
 * the quotes of their name removed, and entries and elements as read (quotes and commas kept).
 */
final class CdnWriter {
  private static final String QUOTES = "'\"`";

  private CdnWriter() {}

  private sealed interface Element permits Entry, Piece, Section {}

  private record Entry(List<String> description, String name, String value) implements Element {}

  private record Piece(String value) implements Element {}

  private record Section(
      List<String> description, String name, boolean array, List<Element> elements)
      implements Element {}

  static String write(String json) {
    List<Element> root = read(breakLines(json));
    StringBuilder out = new StringBuilder();
    for (Element e : root) render(e, 0, out);
    return out.toString().strip() + "\n";
  }

  /**
   * The JSON-like module's conversion: a line break after each opening bracket and comma and before
   * each closing one.
   */
  private static String breakLines(String source) {
    StringBuilder result = new StringBuilder();
    Deque<Character> operators = new ArrayDeque<>();
    Deque<Character> sequence = new ArrayDeque<>();
    for (char c : source.replace("\r\n", "\n").toCharArray()) {
      if (c == '"' || c == '\'') {
        if (sequence.isEmpty()) sequence.push(c);
        else if (sequence.peek() == c) sequence.pop();
      }
      if (sequence.isEmpty()) {
        if (c == '{' || c == '[') {
          operators.push(c);
          result.append(c);
          newline(result, operators.size());
          continue;
        }
        if (c == ':') {
          result.append(": ");
          continue;
        }
        if (c == ',') {
          result.append(c);
          newline(result, operators.size());
          continue;
        }
        if (c == '}' || c == ']') {
          operators.pop();
          newline(result, operators.size());
        } else if (c == ' ' || c == '\n') {
          if (result.length() > 0 && result.charAt(result.length() - 1) == c) continue;
          if (c == '\n') {
            newline(result, operators.size());
            continue;
          }
        }
      }
      result.append(c);
    }
    return result.toString();
  }

  private static void newline(StringBuilder sb, int depth) {
    if (sb.charAt(sb.length() - 1) != '\n') sb.append('\n').append(" ".repeat(depth * 2));
  }

  /**
   * The standard reader over those lines; a lone unnamed top-level section is the document itself.
   */
  private static List<Element> read(String source) {
    List<Element> root = new ArrayList<>();
    Deque<Section> sections = new ArrayDeque<>();
    List<String> description = new ArrayList<>();
    for (String raw : source.strip().split("\n", -1)) {
      String line = raw.strip();
      String original = line;
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("//")) {
        description.add(line);
        continue;
      }
      if (line.endsWith(",")) line = line.substring(0, line.length() - 1).strip();
      boolean array = line.endsWith("[");
      if (array || line.endsWith("{")) {
        String name = line.substring(0, line.length() - 1).strip();
        if (name.endsWith(":")) name = name.substring(0, name.length() - 1).strip();
        Section s = new Section(description, name, array, new ArrayList<>());
        (sections.isEmpty() ? root : sections.peek().elements).add(s);
        sections.push(s);
        description = new ArrayList<>();
        continue;
      }
      if (!sections.isEmpty()
          && line.endsWith(sections.peek().array ? "]" : "}")
          && line.substring(0, line.length() - 1).strip().isEmpty()) {
        sections.pop();
        continue;
      }
      Element e =
          !sections.isEmpty() && sections.peek().array
              ? new Piece(original)
              : entry(description, original);
      (sections.isEmpty() ? root : sections.peek().elements).add(e);
      description = new ArrayList<>();
    }
    if (root.size() == 1 && root.get(0) instanceof Section s && unquote(s.name).isEmpty())
      return s.elements;
    return root;
  }

  /** {@code key: value} split at the first colon, a trailing comma dropped from the value. */
  private static Entry entry(List<String> description, String line) {
    int colon = line.indexOf(':');
    String key;
    String value;
    if (colon < 0) {
      key = line;
      value = line;
    } else {
      key = line.substring(0, colon).strip();
      value = line.substring(colon + 1).strip();
      if (colon == line.length() - 1) value = "";
    }
    if (value.endsWith(",")) value = value.substring(0, value.length() - 1);
    return new Entry(description, key, value);
  }

  /** CDN's destringify: {@code \n} to a line break, and the quotes around the text removed. */
  private static String unquote(String raw) {
    if (raw.length() <= 1) return raw;
    String value = raw.replace("\\n", "\n");
    for (char q : QUOTES.toCharArray()) {
      if (value.charAt(0) == q && value.charAt(value.length() - 1) == q)
        return value.substring(1, value.length() - 1);
    }
    return value;
  }

  private static void render(Element element, int level, StringBuilder out) {
    String indent = " ".repeat(level * 2);
    if (element instanceof Entry e) {
      e.description.forEach(d -> out.append(indent).append(d).append('\n'));
      out.append(indent).append(e.name).append(": ").append(e.value).append('\n');
    } else if (element instanceof Piece p) {
      out.append(indent).append(p.value).append('\n');
    } else {
      Section s = (Section) element;
      s.description.forEach(d -> out.append(indent).append(d).append('\n'));
      String name = unquote(s.name);
      out.append(indent)
          .append(name)
          .append(name.isEmpty() ? "" : " ")
          .append(s.array ? '[' : '{')
          .append('\n');
      for (Element child : s.elements) render(child, level + 1, out);
      out.append(indent).append(s.array ? ']' : '}').append('\n');
    }
  }
}
