package org.modsvc.agent.cli;

import java.util.ArrayList;
import java.util.List;
import org.modsvc.nix.source.SearchPathEntry;

/**
 * Builds the Nix search path: {@code -I} entries first (in command-line order), then {@code
 * NIX_PATH}. An entry is {@code prefix=path} or a bare {@code path} (empty prefix), as in Nix.
 */
final class SearchPaths {
  private SearchPaths() {}

  static List<SearchPathEntry> build(List<String> includes, String nixPathEnv) {
    List<SearchPathEntry> out = new ArrayList<>();
    for (String i : includes) {
      out.add(parseEntry(i));
    }
    if (nixPathEnv != null) {
      for (String e : splitNixPath(nixPathEnv)) {
        out.add(parseEntry(e));
      }
    }
    return out;
  }

  static SearchPathEntry parseEntry(String s) {
    int eq = s.indexOf('=');
    if (eq < 0) return new SearchPathEntry("", s);
    return new SearchPathEntry(s.substring(0, eq), s.substring(eq + 1));
  }

  /**
   * Splits {@code NIX_PATH} on colons, except the colon of a URL scheme ({@code
   * nixpkgs=https://…}), which Nix keeps together; empty elements are dropped.
   */
  static List<String> splitNixPath(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ':' && !isUrlColon(s, i, cur)) {
        if (cur.length() > 0) out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    if (cur.length() > 0) out.add(cur.toString());
    return out;
  }

  /** A colon followed by "//" after a scheme-looking word is part of a URL, not a separator. */
  private static boolean isUrlColon(String s, int i, CharSequence cur) {
    if (!s.startsWith("//", i + 1)) return false;
    String elem = cur.toString();
    int eq = elem.indexOf('=');
    String scheme = eq < 0 ? elem : elem.substring(eq + 1);
    return !scheme.isEmpty()
        && scheme
            .chars()
            .allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '+' || ch == '-' || ch == '.');
  }
}
