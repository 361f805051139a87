package org.modsvc.switcher.unit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders a unit's lines as unit-file text, after checking that no line can change the file's
 * structure.
 *
 * <p>systemd reads a unit line by line: a newline, carriage return or NUL inside a value would
 * start a new key (or section) of the attacker's choosing, and a value ending in a backslash would
 * swallow the next line. Nix strings can contain all of these, so they are refused here ({@link
 * UnitTextException}), naming the unit, its origin and the key. Values are otherwise written
 * verbatim: escaping of arguments is the modules' job (as upstream's {@code
 * escapeSystemdExecArgs}), and a verbatim {@code ExecStart} is a documented feature.
 */
public final class UnitFileText {
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

  private UnitFileText() {}

  /**
   * The text of the unit file {@code unit}: each of {@code sections} (empty ones included), in
   * order, headed {@code [S]} and separated by a blank line, holding its {@code lines} in their
   * order.
   *
   * @param origin what defined the unit ({@code system.services.foo}), for the messages
   */
  public static String render(
      String unit, String origin, List<String> sectionOrder, List<UnitLine> lines) {
    Map<String, List<UnitLine>> sections = new LinkedHashMap<>();
    for (String s : sectionOrder) sections.put(s, new ArrayList<>());
    for (UnitLine l : lines) {
      check(unit, origin, l);
      List<UnitLine> in = sections.get(l.section());
      if (in == null) {
        throw new UnitTextException(
            "internal error in modsvc's built-in modules: unit "
                + unit
                + " has a line in ["
                + printable(l.section())
                + "], which is not among its sections "
                + sectionOrder);
      }
      in.add(l);
    }
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, List<UnitLine>> s : sections.entrySet()) {
      if (!NAME.matcher(s.getKey()).matches()) {
        throw new UnitTextException(
            "unit "
                + unit
                + " (from "
                + origin
                + "): section name '"
                + printable(s.getKey())
                + "' is not a valid unit-file section name");
      }
      if (sb.length() > 0) sb.append('\n');
      sb.append('[').append(s.getKey()).append("]\n");
      for (UnitLine l : s.getValue()) sb.append(l.key()).append('=').append(l.value()).append('\n');
    }
    return sb.toString();
  }

  static void check(String unit, String origin, UnitLine l) {
    if (!NAME.matcher(l.section()).matches()) {
      throw refuse(
          unit,
          origin,
          l,
          "section name '" + printable(l.section()) + "' is not a valid unit-file section name");
    }
    if (!NAME.matcher(l.key()).matches()) {
      throw refuse(
          unit, origin, l, "key '" + printable(l.key()) + "' is not a valid unit-file key");
    }
    String v = l.value();
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '\n' || c == '\r' || c == 0) {
        throw refuse(
            unit,
            origin,
            l,
            "the value contains a "
                + (c == 0 ? "NUL character" : c == '\n' ? "newline" : "carriage return")
                + ", which would inject lines into the unit file (value: \""
                + printable(v)
                + "\"); "
                + "pass arguments through process.argv, which escapes them");
      }
    }
    if (!v.isEmpty()
        && (UnitFileParser.isWhitespace(v.charAt(0))
            || UnitFileParser.isWhitespace(v.charAt(v.length() - 1)))) {
      throw refuse(
          unit,
          origin,
          l,
          "the value begins or ends with a space or tab, which systemd strips, so it would read a "
              + "different value (value: \""
              + printable(v)
              + "\")");
    }
    if (v.endsWith("\\")) {
      throw refuse(
          unit,
          origin,
          l,
          "the value ends in a backslash, which systemd reads as a line continuation (value: \""
              + printable(v)
              + "\")");
    }
  }

  private static UnitTextException refuse(String unit, String origin, UnitLine l, String why) {
    return new UnitTextException(
        "unit "
            + unit
            + " (from "
            + origin
            + "), ["
            + printable(l.section())
            + "] "
            + printable(l.key())
            + ": "
            + why);
  }

  /** Control characters made visible, so the message itself cannot be used to forge output. */
  public static String printable(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        case '\t':
          sb.append("\\t");
          break;
        default:
          if (c < 0x20 || c == 0x7f) sb.append(String.format("\\x%02x", (int) c));
          else sb.append(c);
      }
    }
    return sb.toString();
  }
}
