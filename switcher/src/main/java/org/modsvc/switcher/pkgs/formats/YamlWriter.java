package org.modsvc.switcher.pkgs.formats;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * YAML as nixpkgs' {@code formats.yaml_1_1} ({@code remarshal --to yaml-1.1}) and {@code
 * formats.yaml_1_2} ({@code json2yaml}) write it: ruamel.yaml's block style with indent 2 and
 * sequences not indented under their key, {@code []}/{@code {}} for empty collections, width 80,
 * and each string in the first style of plain, single-quoted, double-quoted that keeps it a string
 * under that YAML version's implicit typing (ruamel's emitter analysis, ported). YAML 1.1 documents
 * start with {@code %YAML 1.1} and {@code ---}.
 */
final class YamlWriter {
  enum Version {
    V1_1,
    V1_2
  }

  private static final int WIDTH = 80;

  private final Version version;
  private final StringBuilder out = new StringBuilder();
  private int column;

  private YamlWriter(Version version) {
    this.version = version;
  }

  static String write(Object value, Version version) {
    YamlWriter w = new YamlWriter(version);
    w.document(value);
    return w.out.toString();
  }

  private void document(Object value) {
    boolean v11 = version == Version.V1_1;
    if (v11) out.append("%YAML 1.1\n---");
    if (isEmptyCollection(value)) {
      out.append(v11 ? " " : "").append(value instanceof Map<?, ?> ? "{}" : "[]").append('\n');
    } else if (value instanceof Map<?, ?> || value instanceof List<?>) {
      if (v11) out.append('\n');
      node(value, 0, false);
      out.append('\n');
    } else {
      // ruamel writes a lone scalar on its own indented line.
      out.append("\n  ");
      column = 2;
      scalar(value, 2, true, false);
      out.append('\n');
    }
  }

  private static boolean isEmptyCollection(Object v) {
    return v instanceof Map<?, ?> m && m.isEmpty() || v instanceof List<?> l && l.isEmpty();
  }

  /**
   * A non-empty collection whose first line starts at the current position (after {@code "- "} when
   * {@code inline}), its other lines at {@code indent}.
   */
  private void node(Object v, int indent, boolean inline) {
    boolean first = true;
    if (v instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first || !inline) newline(indent);
        first = false;
        key((String) e.getKey());
        out.append(':');
        column++;
        value(e.getValue(), indent, false);
      }
    } else {
      for (Object item : (List<?>) v) {
        if (!first || !inline) newline(indent);
        first = false;
        out.append("- ");
        column += 2;
        value(item, indent + 2, true);
      }
    }
  }

  /**
   * What follows {@code key:} (indent: the key's column) or {@code - } (indent: the item's content
   * column).
   */
  private void value(Object v, int indent, boolean inSequence) {
    if (isEmptyCollection(v)) {
      out.append(inSequence ? "" : " ").append(v instanceof Map<?, ?> ? "{}" : "[]");
      column += inSequence ? 2 : 3;
    } else if (v instanceof Map<?, ?>) {
      // A mapping in a sequence starts on the dash's line; under a key, on the next line, indented.
      if (inSequence) node(v, indent, true);
      else node(v, indent + 2, false);
    } else if (v instanceof List<?>) {
      if (inSequence) node(v, indent, true);
      else node(v, indent, false);
    } else {
      if (!inSequence) {
        out.append(' ');
        column++;
      }
      scalar(v, inSequence ? indent : indent + 2, true, false);
    }
  }

  private void newline(int indent) {
    if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') out.append('\n');
    out.append(" ".repeat(indent));
    column = indent;
  }

  private void key(String k) {
    scalar(k, column, false, true);
  }

  private void scalar(Object v, int indent, boolean split, boolean simpleKey) {
    if (!(v instanceof String s)) {
      String text = v == null ? "null" : v instanceof Double d ? floatText(d) : v.toString();
      out.append(text);
      column += text.length();
      return;
    }
    Analysis a = Analysis.of(s, version);
    boolean plainAllowed =
        resolvesToString(s) && !(simpleKey && (a.empty || a.multiline)) && a.allowBlockPlain;
    if (plainAllowed) {
      writePlain(s, indent, split);
    } else if (s.indexOf('\'') >= 0 || s.indexOf('\n') >= 0) {
      writeDoubleQuoted(s, indent, split);
    } else if (a.allowSingleQuoted && !(simpleKey && a.multiline)) {
      writeSingleQuoted(s, indent, split);
    } else {
      writeDoubleQuoted(s, indent, split);
    }
  }

  /**
   * Python's repr of a float, lower-cased, as ruamel represents floats (1.1: an exponent gets a
   * {@code .0}).
   */
  private String floatText(double d) {
    if (Double.isNaN(d)) return ".nan";
    if (Double.isInfinite(d)) return d > 0 ? ".inf" : "-.inf";
    String r = FloatText.pythonRepr(d).toLowerCase();
    if (version == Version.V1_1 && r.indexOf('.') < 0 && r.indexOf('e') >= 0)
      r = r.replaceFirst("e", ".0e");
    return r;
  }

  // ---------------------------------------------------------------- implicit typing

  private static final Pattern BOOL_1_2 = Pattern.compile("true|True|TRUE|false|False|FALSE");
  private static final Pattern BOOL_1_1 =
      Pattern.compile(
          "y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
  private static final Pattern FLOAT_1_2 =
      Pattern.compile(
          "[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
              + "|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|[-+]?\\.[0-9_]+(?:[eE][-+][0-9]+)?"
              + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");
  private static final Pattern FLOAT_1_1 =
      Pattern.compile(
          "[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
              + "|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|\\.[0-9_]+(?:[eE][-+][0-9]+)?"
              + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");
  private static final Pattern INT_1_2 =
      Pattern.compile("[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+");
  private static final Pattern INT_1_1 =
      Pattern.compile(
          "[-+]?0b[0-1_]+|[-+]?0?[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)"
              + "|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");
  private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
  private static final Pattern TIMESTAMP =
      Pattern.compile(
          "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
              + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?"
              + "(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?");
  private static final Pattern MERGE_VALUE_YAML = Pattern.compile("<<|=|!|&|\\*");

  /**
   * Whether the plain scalar {@code s} reads back as a string (ruamel's resolvers, by first
   * character as there).
   */
  private boolean resolvesToString(String s) {
    boolean v11 = version == Version.V1_1;
    char c = s.isEmpty() ? '\0' : s.charAt(0);
    if (s.isEmpty()) return false;
    if ("tTfF".indexOf(c) >= 0 || v11 && "yYnNoO".indexOf(c) >= 0) {
      if ((v11 ? BOOL_1_1 : BOOL_1_2).matcher(s).matches()) return false;
    }
    if ("-+0123456789.".indexOf(c) >= 0 && (v11 ? FLOAT_1_1 : FLOAT_1_2).matcher(s).matches())
      return false;
    if ("-+0123456789".indexOf(c) >= 0 && (v11 ? INT_1_1 : INT_1_2).matcher(s).matches())
      return false;
    if ("~nN".indexOf(c) >= 0 && NULL.matcher(s).matches()) return false;
    if ("0123456789".indexOf(c) >= 0 && TIMESTAMP.matcher(s).matches()) return false;
    return !MERGE_VALUE_YAML.matcher(s).matches();
  }

  // ---------------------------------------------------------------- scalar analysis (ruamel's
  // emitter)

  private record Analysis(
      boolean empty, boolean multiline, boolean allowBlockPlain, boolean allowSingleQuoted) {
    static boolean isBreak(int c) {
      return c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    static boolean isBlank(int c) {
      return c == 0 || c == ' ' || c == '\t' || c == '\r' || isBreak(c);
    }

    static Analysis of(String s, Version version) {
      if (s.isEmpty()) return new Analysis(true, false, true, true);
      int[] cs = s.codePoints().toArray();
      boolean blockIndicators = s.startsWith("---") || s.startsWith("...");
      boolean lineBreaks = false;
      boolean special = false;
      boolean leadingSpace = false,
          leadingBreak = false,
          trailingSpace = false,
          trailingBreak = false;
      boolean breakSpace = false, spaceBreak = false;
      boolean precededByWhitespace = true;
      boolean followedByWhitespace = cs.length == 1 || isBlank(cs[1]);
      boolean previousSpace = false, previousBreak = false;
      for (int i = 0; i < cs.length; i++) {
        int ch = cs[i];
        if (i == 0) {
          if ("#,[]{}&*!|>'\"%@`".indexOf(ch) >= 0) blockIndicators = true;
          if ((ch == '?' || ch == ':') && followedByWhitespace) blockIndicators = true;
          if (ch == '-' && followedByWhitespace) blockIndicators = true;
        } else {
          if (ch == ':' && followedByWhitespace) blockIndicators = true;
          if (ch == '#' && precededByWhitespace) blockIndicators = true;
        }
        if (isBreak(ch)) lineBreaks = true;
        if (!(ch == '\n' || ch >= 0x20 && ch <= 0x7e)) {
          boolean printable =
              ch == 0x85
                  || ch >= 0xa0 && ch <= 0xd7ff
                  || ch >= 0xe000 && ch <= 0xfffd
                  || ch >= 0x10000 && ch <= 0x10ffff;
          if (!printable || ch == 0xfeff) special = true;
        }
        if (ch == ' ') {
          if (i == 0) leadingSpace = true;
          if (i == cs.length - 1) trailingSpace = true;
          if (previousBreak) breakSpace = true;
          previousSpace = true;
          previousBreak = false;
        } else if (isBreak(ch)) {
          if (i == 0) leadingBreak = true;
          if (i == cs.length - 1) trailingBreak = true;
          if (previousSpace) spaceBreak = true;
          previousSpace = false;
          previousBreak = true;
        } else {
          previousSpace = false;
          previousBreak = false;
        }
        precededByWhitespace = isBlank(ch);
        followedByWhitespace = i + 2 >= cs.length || isBlank(cs[i + 2]);
      }
      boolean plain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak);
      boolean single = true;
      if (breakSpace) plain = single = false;
      if (special || spaceBreak) plain = single = false;
      if (lineBreaks) plain = false;
      if (blockIndicators) plain = false;
      return new Analysis(false, lineBreaks, plain, single);
    }
  }

  // ---------------------------------------------------------------- scalar writers (ruamel's,
  // ported)

  private void emit(String s) {
    out.append(s);
    column += s.codePointCount(0, s.length());
  }

  private void indentTo(int indent) {
    out.append('\n').append(" ".repeat(indent));
    column = indent;
  }

  /** Plain: breaks a line at a single space once the line is past the width. */
  private void writePlain(String text, int indent, boolean split) {
    writeSpaceFolded(text, indent, split, false);
  }

  private void writeSingleQuoted(String text, int indent, boolean split) {
    emit("'");
    writeSpaceFolded(text, indent, split, true);
    emit("'");
  }

  /** The text of a plain or single-quoted scalar (neither holds a line break here). */
  private void writeSpaceFolded(String text, int indent, boolean split, boolean quoted) {
    int[] cs = text.codePoints().toArray();
    boolean spaces = false;
    int start = 0;
    for (int end = 0; end <= cs.length; end++) {
      int ch = end < cs.length ? cs[end] : -1;
      if (spaces) {
        if (ch != ' ') {
          boolean fold =
              start + 1 == end
                  && column > WIDTH
                  && split
                  && (!quoted || start != 0 && end != cs.length);
          if (fold) indentTo(indent);
          else emit(new String(cs, start, end - start));
          start = end;
        }
      } else if (ch == -1 || ch == ' ' || quoted && ch == '\'') {
        if (start < end) emit(new String(cs, start, end - start));
        start = end;
      }
      if (quoted && ch == '\'') {
        emit("''");
        start = end + 1;
      }
      if (ch != -1) spaces = ch == ' ';
    }
  }

  private void writeDoubleQuoted(String text, int indent, boolean split) {
    emit("\"");
    int[] cs = text.codePoints().toArray();
    int start = 0;
    for (int end = 0; end <= cs.length; end++) {
      int ch = end < cs.length ? cs[end] : -1;
      if (ch == -1
          || ch == '"'
          || ch == '\\'
          || ch == 0x85
          || ch == 0x2028
          || ch == 0x2029
          || ch == 0xfeff
          || !(ch >= 0x20 && ch <= 0x7e
              || ch >= 0xa0 && ch <= 0xd7ff
              || ch >= 0xe000 && ch <= 0xfffd)) {
        if (start < end) {
          emit(new String(cs, start, end - start));
          start = end;
        }
        if (ch != -1) {
          emit(escape(ch));
          start = end + 1;
        }
      }
      if (0 < end
          && end < cs.length - 1
          && (ch == ' ' || start >= end)
          && column + (end - start) > WIDTH
          && split) {
        String data = new String(cs, start, Math.max(0, end - start)) + "\\";
        if (start < end) start = end;
        emit(data);
        indentTo(indent);
        if (cs[start] == ' ') emit("\\");
      }
    }
    emit("\"");
  }

  private static String escape(int ch) {
    return switch (ch) {
      case 0 -> "\\0";
      case 7 -> "\\a";
      case 8 -> "\\b";
      case 9 -> "\\t";
      case 10 -> "\\n";
      case 11 -> "\\v";
      case 12 -> "\\f";
      case 13 -> "\\r";
      case 27 -> "\\e";
      case '"' -> "\\\"";
      case '\\' -> "\\\\";
      case 0x85 -> "\\N";
      case 0xa0 -> "\\_";
      case 0x2028 -> "\\L";
      case 0x2029 -> "\\P";
      default ->
          ch <= 0xff
              ? String.format("\\x%02X", ch)
              : ch <= 0xffff ? String.format("\\u%04X", ch) : String.format("\\U%08X", ch);
    };
  }
}
