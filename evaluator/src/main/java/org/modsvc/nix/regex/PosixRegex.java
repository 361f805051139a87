package org.modsvc.nix.regex;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * POSIX extended regular expressions with the semantics Nix gives {@code builtins.match} and {@code
 * builtins.split} (see the package documentation for the exact rules and known deviations).
 *
 * <p>Two ways to use it:
 *
 * <ul>
 *   <li>{@link #match(String, String)} and {@link #split(String, String)} implement the builtins
 *       completely, including Nix's byte-wise matching of non-ASCII text and the C++ iteration
 *       rules for empty matches. Builtins should call these.
 *   <li>{@link #compile(String)} gives a plain {@link Pattern} working on Java characters, for
 *       other callers that just need the translated expression.
 * </ul>
 *
 * Compiled patterns are cached (bounded, thread-safe) because Nix code calls {@code match} with the
 * same expression very often.
 */
public final class PosixRegex {

  /**
   * Upper bound of cached expressions; the cache is simply emptied when full (cheap and bounded).
   */
  static final int CACHE_LIMIT = 2048;

  private static final ConcurrentHashMap<String, Pattern> CHAR_CACHE = new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<String, Compiled> BYTE_CACHE = new ConcurrentHashMap<>();

  /** The pattern for whole/leftmost matches, and a variant that refuses empty matches. */
  private record Compiled(Pattern pattern, Pattern nonEmpty) {}

  private PosixRegex() {}

  /**
   * Translates {@code ere} into a {@link Pattern} over Java characters ({@code .} matches one
   * UTF-16 code point, not one byte). Use {@link Matcher#matches()} for {@code builtins.match}
   * semantics; a group that did not participate yields {@code null}.
   *
   * @throws PosixRegexException if Nix would reject the expression
   */
  public static Pattern compile(String ere) {
    Pattern p = CHAR_CACHE.get(ere);
    if (p == null) {
      p = Pattern.compile(EreTranslator.translate(ere, false), Pattern.DOTALL);
      putBounded(CHAR_CACHE, ere, p);
    }
    return p;
  }

  /**
   * {@code builtins.match}: if {@code ere} matches the whole of {@code input}, the capture groups
   * (a {@code null} element for a group that did not participate), otherwise {@code null}.
   *
   * @throws PosixRegexException if the expression is invalid, or matching exhausted the stack
   */
  public static List<String> match(String ere, String input) {
    Compiled c = compiledBytes(ere);
    boolean ascii = isAscii(input);
    String subject = ascii ? input : toByteString(input);
    try {
      Matcher m = c.pattern().matcher(subject);
      if (!m.matches()) {
        return null;
      }
      return groups(m, ascii);
    } catch (StackOverflowError e) {
      throw new PosixRegexException(ere, "stack overflow while matching", true);
    }
  }

  /**
   * {@code builtins.split}: the parts of {@code input} between matches of {@code ere}, interleaved
   * with lists of each match's capture groups. The result alternates {@code String} and {@code
   * List<String>} and always starts and ends with a {@code String}; with no match it is {@code
   * [input]}.
   *
   * <p>Iteration follows C++ {@code std::regex_iterator}: after an empty match at position p, first
   * a non-empty match anchored at p is tried, else searching resumes at p+1 (the skipped character
   * becomes part of the next separator string); {@code ^} only matches at the start of the input.
   *
   * @throws PosixRegexException if the expression is invalid, or matching exhausted the stack
   */
  public static List<Object> split(String ere, String input) {
    Compiled c = compiledBytes(ere);
    boolean ascii = isAscii(input);
    String s = ascii ? input : toByteString(input);
    int n = s.length();
    List<Object> out = new ArrayList<>();
    try {
      Matcher m = configure(c.pattern().matcher(s));
      Matcher nonEmpty = null;
      int prefixStart = 0;
      Matcher hit = m.region(0, n).find() ? m : null;
      while (hit != null) {
        int start = hit.start();
        int end = hit.end();
        out.add(text(s.substring(prefixStart, start), ascii));
        out.add(groups(hit, ascii));
        prefixStart = end;
        if (start != end) {
          hit = m.region(end, n).find() ? m : null;
        } else if (end == n) {
          break;
        } else {
          if (nonEmpty == null) {
            nonEmpty = configure(c.nonEmpty().matcher(s));
          }
          if (nonEmpty.region(end, n).lookingAt()) {
            hit = nonEmpty;
          } else {
            hit = m.region(end + 1, n).find() ? m : null;
          }
        }
      }
      out.add(text(s.substring(prefixStart), ascii));
    } catch (StackOverflowError e) {
      throw new PosixRegexException(ere, "stack overflow while matching", true);
    }
    return out;
  }

  // ---- internals
  // -----------------------------------------------------------------------------------

  private static Compiled compiledBytes(String ere) {
    Compiled c = BYTE_CACHE.get(ere);
    if (c == null) {
      String java = EreTranslator.translate(ere, true);
      // (?!\G) rejects an empty match: \G is the region start for lookingAt() after region().
      c =
          new Compiled(
              Pattern.compile(java, Pattern.DOTALL),
              Pattern.compile("(?:" + java + ")(?!\\G)", Pattern.DOTALL));
      putBounded(BYTE_CACHE, ere, c);
    }
    return c;
  }

  private static <V> void putBounded(ConcurrentHashMap<String, V> cache, String key, V value) {
    if (cache.size() >= CACHE_LIMIT) {
      cache.clear();
    }
    cache.put(key, value);
  }

  /**
   * Transparent bounds and no anchoring bounds: '^' and '$' see the real input edges, not the
   * region's.
   */
  private static Matcher configure(Matcher m) {
    return m.useAnchoringBounds(false).useTransparentBounds(true);
  }

  private static List<String> groups(Matcher m, boolean ascii) {
    String[] g = new String[m.groupCount()];
    for (int i = 0; i < g.length; i++) {
      String v = m.group(i + 1);
      g[i] = v == null ? null : text(v, ascii);
    }
    return Arrays.asList(g);
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * Nix matches bytes: represent each UTF-8 byte as one char (ISO-8859-1) so '.' consumes one byte.
   */
  private static String toByteString(String s) {
    return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  private static String text(String byteString, boolean ascii) {
    if (ascii) {
      return byteString;
    }
    // A match may cut a multi-byte sequence; such bytes decode to U+FFFD (Nix keeps the raw bytes).
    return new String(byteString.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }
}
