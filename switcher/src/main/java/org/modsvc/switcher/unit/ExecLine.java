package org.modsvc.switcher.unit;

import java.util.Optional;

/** Reads an {@code ExecStart=} value the way systemd 252's config_parse_exec finds the program. */
public final class ExecLine {
  /**
   * The prefixes systemd reads before the program: {@code @ - : + !} ({@code !!} is two of them).
   */
  static final String PREFIXES = "@-:+!";

  private ExecLine() {}

  /**
   * The program of the first command: the first word, unquoted, without its prefixes, with {@code
   * %%} and {@code $$} undone. Empty for an empty value, and when the word holds a specifier or a
   * variable (its value is systemd's).
   */
  public static Optional<String> program(String value) {
    String s = value.strip();
    StringBuilder word = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && i + 1 < s.length()) {
          word.append(s.charAt(++i));
        } else {
          word.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (Character.isWhitespace(c)) {
        break;
      } else if (c == '\\' && i + 1 < s.length()) {
        word.append(s.charAt(++i));
      } else {
        word.append(c);
      }
    }
    // systemd unquotes the word first and then reads the prefixes off it
    int p = 0;
    while (p < word.length() && PREFIXES.indexOf(word.charAt(p)) >= 0) p++;
    String w = word.substring(p);
    String plain = w.replace("%%", "").replace("$$", "");
    if (w.isEmpty() || plain.indexOf('%') >= 0 || plain.indexOf('$') >= 0) {
      return Optional.empty();
    }
    return Optional.of(w.replace("%%", "%").replace("$$", "$"));
  }
}
