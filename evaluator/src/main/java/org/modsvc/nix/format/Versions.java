package org.modsvc.nix.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Nix's version-string logic ({@code builtins.compareVersions}, {@code builtins.splitVersion},
 * {@code builtins.parseDrvName}), mirroring {@code src/libstore/names.cc}.
 *
 * <p>A version is a sequence of components separated by any run of {@code .} and {@code -}; a
 * component is a maximal run of ASCII digits or a maximal run of other non-separator characters
 * ({@code "2.3pre1"} → {@code 2, 3, pre, 1}). Components compare: both numeric (fitting a 32-bit
 * int) → numerically; a missing component ({@code ""}) is older than a number; {@code "pre"} is
 * older than anything else; a number is newer than a word ({@code 2.3a < 2.3.1}); otherwise
 * byte-wise string order. A digit run too large for an {@code int} is treated as a word, as Nix
 * does.
 */
public final class Versions {

  /** {@code builtins.parseDrvName} result; {@code version} is {@code ""} when there is none. */
  public record DrvName(String name, String version) {}

  private Versions() {}

  /** -1, 0 or 1 as {@code a} is older than, equal to, or newer than {@code b}. */
  public static int compareVersions(String a, String b) {
    int[] p1 = {0};
    int[] p2 = {0};
    while (p1[0] < a.length() || p2[0] < b.length()) {
      String c1 = nextComponent(a, p1);
      String c2 = nextComponent(b, p2);
      if (componentLess(c1, c2)) {
        return -1;
      }
      if (componentLess(c2, c1)) {
        return 1;
      }
    }
    return 0;
  }

  /**
   * The components of {@code version}, e.g. {@code "1.2.3pre4-x"} → {@code [1, 2, 3, pre, 4, x]}.
   */
  public static List<String> splitVersion(String version) {
    List<String> out = new ArrayList<>();
    int[] p = {0};
    while (p[0] < version.length()) {
      String c = nextComponent(version, p);
      if (c.isEmpty()) {
        break;
      }
      out.add(c);
    }
    return out;
  }

  /**
   * Splits at the first {@code -} that is followed by a character that is not an ASCII letter:
   * {@code "xf86-video-i810-1.7.4"} → {@code (xf86-video-i810, 1.7.4)}, {@code "hello"} → {@code
   * (hello, "")}, {@code "name--1.0"} → {@code (name, -1.0)}.
   */
  public static DrvName parseDrvName(String s) {
    for (int i = 0; i + 1 < s.length(); i++) {
      if (s.charAt(i) == '-' && !isAsciiLetter(s.charAt(i + 1))) {
        return new DrvName(s.substring(0, i), s.substring(i + 1));
      }
    }
    return new DrvName(s, "");
  }

  /** Skips separators, then returns the next digit run or word run (advancing {@code pos[0]}). */
  private static String nextComponent(String s, int[] pos) {
    int p = pos[0];
    while (p < s.length() && isSeparator(s.charAt(p))) {
      p++;
    }
    int start = p;
    if (p < s.length()) {
      if (isDigit(s.charAt(p))) {
        while (p < s.length() && isDigit(s.charAt(p))) {
          p++;
        }
      } else {
        while (p < s.length() && !isDigit(s.charAt(p)) && !isSeparator(s.charAt(p))) {
          p++;
        }
      }
    }
    pos[0] = p;
    return s.substring(start, p);
  }

  private static boolean componentLess(String c1, String c2) {
    Integer n1 = toInt(c1);
    Integer n2 = toInt(c2);
    if (n1 != null && n2 != null) {
      return n1 < n2;
    } else if (c1.isEmpty() && n2 != null) {
      return true;
    } else if (c1.equals("pre") && !c2.equals("pre")) {
      return true;
    } else if (c2.equals("pre")) {
      return false;
    } else if (n2 != null) {
      return true;
    } else if (n1 != null) {
      return false;
    }
    return compareBytewise(c1, c2) < 0;
  }

  /** Like Nix's {@code string2Int<int>} on a component: only digit runs that fit an {@code int}. */
  private static Integer toInt(String c) {
    if (c.isEmpty() || !isDigit(c.charAt(0))) {
      return null;
    }
    try {
      return Integer.parseInt(c);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Code point order equals UTF-8 byte order (unlike {@link String#compareTo} for surrogates). */
  private static int compareBytewise(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  private static boolean isSeparator(char c) {
    return c == '.' || c == '-';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
