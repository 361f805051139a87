package org.modsvc.switcher.unit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads systemd's unit-file syntax (systemd.syntax(7), {@code config_parse} in {@code
 * src/shared/conf-parser.c}) into a {@link UnitFragment}:
 *
 * <ul>
 *   <li>lines whose first non-blank character is {@code #} or {@code ;} are comments, also in the
 *       middle of a continued line;
 *   <li>a line ending in an unescaped {@code \} continues on the next line, the backslash becoming
 *       a space;
 *   <li>keys and values are trimmed of systemd's whitespace (space, tab, CR, LF); quotes and
 *       backslash escapes are kept verbatim (as switch-to-configuration-ng parses with escapes off,
 *       so {@code \x2d} stays literal).
 * </ul>
 *
 * Where systemd only warns and skips a line (no {@code =}, an assignment before any section), this
 * parser fails with {@code file:line}, because a unit we generated or own should never contain one.
 */
public final class UnitFileParser {
  private UnitFileParser() {}

  public static UnitFragment parse(String path, String text) {
    List<String> sectionOrder = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    List<Assignment> assignments = new ArrayList<>();
    String section = null;
    String[] lines = stripByteOrderMark(text).split("\n", -1);
    StringBuilder continued = null;
    int startLine = 0;
    for (int i = 0; i < lines.length; i++) {
      String raw =
          lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      String stripped = strip(raw);
      if (!stripped.isEmpty() && (stripped.charAt(0) == '#' || stripped.charAt(0) == ';')) {
        continue;
      }
      if (continued == null) {
        continued = new StringBuilder();
        startLine = i + 1;
      }
      continued.append(raw);
      if (endsWithUnescapedBackslash(continued)) {
        continued.setCharAt(continued.length() - 1, ' ');
        continue;
      }
      section =
          parseLine(
              path,
              startLine,
              strip(continued.toString()),
              section,
              seen,
              sectionOrder,
              assignments);
      continued = null;
    }
    if (continued != null) {
      parseLine(
          path, startLine, strip(continued.toString()), section, seen, sectionOrder, assignments);
    }
    return new UnitFragment(path, sectionOrder, assignments);
  }

  private static String parseLine(
      String path,
      int line,
      String content,
      String section,
      Set<String> seen,
      List<String> sectionOrder,
      List<Assignment> assignments) {
    if (content.isEmpty()) {
      return section;
    }
    if (content.charAt(0) == '[') {
      if (content.length() < 3 || content.charAt(content.length() - 1) != ']') {
        throw new UnitFileException(path, line, "invalid section header '" + content + "'");
      }
      String name = content.substring(1, content.length() - 1);
      if (seen.add(name)) {
        sectionOrder.add(name);
      }
      return name;
    }
    if (section == null) {
      throw new UnitFileException(
          path, line, "assignment outside of any section: '" + content + "'");
    }
    int eq = content.indexOf('=');
    if (eq < 0) {
      throw new UnitFileException(path, line, "missing '=' in '" + content + "'");
    }
    String key = strip(content.substring(0, eq));
    if (key.isEmpty()) {
      throw new UnitFileException(path, line, "missing key before '=' in '" + content + "'");
    }
    assignments.add(new Assignment(section, key, strip(content.substring(eq + 1)), line));
    return section;
  }

  /**
   * Trims systemd's whitespace (space, tab, newline, carriage return: {@code WHITESPACE} in its
   * sources), not Java's wider set: systemd keeps a value's vertical tab, form feed or Unicode
   * space, and so must we.
   */
  static String strip(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && isWhitespace(s.charAt(from))) from++;
    while (to > from && isWhitespace(s.charAt(to - 1))) to--;
    return s.substring(from, to);
  }

  public static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  private static boolean endsWithUnescapedBackslash(CharSequence s) {
    int count = 0;
    for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
      count++;
    }
    return count % 2 == 1;
  }

  private static String stripByteOrderMark(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
