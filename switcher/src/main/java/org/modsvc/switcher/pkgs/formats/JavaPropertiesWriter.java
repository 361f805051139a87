package org.modsvc.switcher.pkgs.formats;

import java.util.Map;

/**
 * nixpkgs' {@code formats.javaProperties}: the comment's lines as {@code # } lines (each trimmed,
 * as the shell's {@code read} trims them), a blank line, then {@code key = value} per entry with
 * the escapes its jq program applies, and every non-ASCII UTF-16 unit as {@code \\uXXXX}
 * (libiconv's {@code JAVA} encoding, lower-case hex).
 */
final class JavaPropertiesWriter {
  private JavaPropertiesWriter() {}

  static String write(Object value, String comment) {
    StringBuilder sb = new StringBuilder();
    // `echo "$comment" | while read -r ln`: one line per newline-separated part, blanks around it
    // dropped.
    for (String line : comment.split("\n", -1)) {
      sb.append("# ").append(trimBlanks(line)).append('\n');
    }
    sb.append('\n');
    for (Map.Entry<String, Object> e :
        JsonValues.object(value, "a javaProperties value").entrySet()) {
      String v = JsonValues.string(e.getValue(), "the value of '" + e.getKey() + "'");
      String key = common(e.getKey()).replace(" ", "\\ ").replace("=", "\\=");
      String val = common(v);
      if (val.startsWith(" ")) val = "\\" + val;
      val = val.replace("\n ", "\n\\ ");
      sb.append(key).append(" = ").append(val).append('\n');
    }
    return asciiWithJavaEscapes(sb);
  }

  /** What {@code read} strips: the spaces and tabs around a line (the default IFS). */
  private static String trimBlanks(String s) {
    int b = 0;
    int e = s.length();
    while (b < e && (s.charAt(b) == ' ' || s.charAt(b) == '\t')) b++;
    while (e > b && (s.charAt(e - 1) == ' ' || s.charAt(e - 1) == '\t')) e--;
    return s.substring(b, e);
  }

  /** The escapes keys and values share, in the jq program's order. */
  private static String common(String s) {
    return s.replace("\\", "\\\\")
        .replace("\n", "\\n\\\n")
        .replace("#", "\\#")
        .replace("!", "\\!")
        .replace("\t", "\\t")
        .replace("\r", "\\r");
  }

  private static String asciiWithJavaEscapes(CharSequence s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) out.append(c);
      else out.append(String.format("\\u%04x", (int) c));
    }
    return out.toString();
  }
}
