package org.modsvc.nix.regex;

import java.util.Locale;
import java.util.Map;

/**
 * Translates one POSIX extended regular expression, as libstdc++'s {@code std::regex::extended}
 * parses it, into {@code java.util.regex} syntax. A hand-written recursive-descent parser over code
 * points; every literal is re-emitted escaped, so no ERE character can accidentally mean something
 * in Java syntax (Java's lazy {@code +?}, possessive {@code *+}, {@code &&} in classes, {@code \Q},
 * …).
 *
 * <p>In byte mode the input code points are the UTF-8 bytes of the expression (0‥255), mirroring
 * Nix, whose regexes operate on bytes; in char mode they are the Java string's code points.
 */
final class EreTranslator {

  /** libstdc++'s {@code _GLIBCXX_REGEX_STATE_LIMIT}: NFAs with more states are rejected. */
  static final long STATE_LIMIT = 100_000;

  /**
   * Characters that may follow a backslash outside brackets (libstdc++ {@code
   * _M_extended_spec_char}).
   */
  private static final String ESCAPABLE = ".[\\()*+?{|^$";

  /** POSIX names for the ASCII characters, exactly libstdc++'s {@code lookup_collatename} table. */
  private static final String[] COLLATE_NAMES = {
    "NUL",
    "SOH",
    "STX",
    "ETX",
    "EOT",
    "ENQ",
    "ACK",
    "alert",
    "backspace",
    "tab",
    "newline",
    "vertical-tab",
    "form-feed",
    "carriage-return",
    "SO",
    "SI",
    "DLE",
    "DC1",
    "DC2",
    "DC3",
    "DC4",
    "NAK",
    "SYN",
    "ETB",
    "CAN",
    "EM",
    "SUB",
    "ESC",
    "IS4",
    "IS3",
    "IS2",
    "IS1",
    "space",
    "exclamation-mark",
    "quotation-mark",
    "number-sign",
    "dollar-sign",
    "percent-sign",
    "ampersand",
    "apostrophe",
    "left-parenthesis",
    "right-parenthesis",
    "asterisk",
    "plus-sign",
    "comma",
    "hyphen",
    "period",
    "slash",
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "colon",
    "semicolon",
    "less-than-sign",
    "equals-sign",
    "greater-than-sign",
    "question-mark",
    "commercial-at",
    "A",
    "B",
    "C",
    "D",
    "E",
    "F",
    "G",
    "H",
    "I",
    "J",
    "K",
    "L",
    "M",
    "N",
    "O",
    "P",
    "Q",
    "R",
    "S",
    "T",
    "U",
    "V",
    "W",
    "X",
    "Y",
    "Z",
    "left-square-bracket",
    "backslash",
    "right-square-bracket",
    "circumflex",
    "underscore",
    "grave-accent",
    "a",
    "b",
    "c",
    "d",
    "e",
    "f",
    "g",
    "h",
    "i",
    "j",
    "k",
    "l",
    "m",
    "n",
    "o",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "v",
    "w",
    "x",
    "y",
    "z",
    "left-curly-bracket",
    "vertical-line",
    "right-curly-bracket",
    "tilde",
    "DEL",
  };

  /**
   * Character class names (matched case-insensitively, as libstdc++ lower-cases them). Java's
   * {@code \p{Alpha}} etc. are the ASCII-only POSIX classes, which is what the "C" locale used by
   * Nix gives.
   */
  private static final Map<String, String> CLASSES =
      Map.ofEntries(
          Map.entry("alnum", "\\p{Alnum}"),
          Map.entry("alpha", "\\p{Alpha}"),
          Map.entry("blank", "\\p{Blank}"),
          Map.entry("cntrl", "\\p{Cntrl}"),
          Map.entry("digit", "\\p{Digit}"),
          Map.entry("d", "\\p{Digit}"),
          Map.entry("graph", "\\p{Graph}"),
          Map.entry("lower", "\\p{Lower}"),
          Map.entry("print", "\\p{Print}"),
          Map.entry("punct", "\\p{Punct}"),
          Map.entry("space", "\\p{Space}"),
          Map.entry("s", "\\p{Space}"),
          Map.entry("upper", "\\p{Upper}"),
          Map.entry("xdigit", "\\p{XDigit}"),
          Map.entry("w", "\\p{Alnum}_"));

  /** A translated piece of regex and an estimate of the libstdc++ NFA states it costs. */
  private record Fragment(String java, long states) {}

  private final String ere;
  private final int[] cps;
  private final boolean byteMode;
  private int pos;
  private int depth;

  private EreTranslator(String ere, int[] cps, boolean byteMode) {
    this.ere = ere;
    this.cps = cps;
    this.byteMode = byteMode;
  }

  /**
   * Returns the Java regex equivalent of {@code ere}; throws {@link PosixRegexException} if Nix
   * rejects it.
   */
  static String translate(String ere, boolean byteMode) {
    int[] cps;
    if (byteMode) {
      byte[] bytes = ere.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      cps = new int[bytes.length];
      for (int i = 0; i < bytes.length; i++) {
        cps[i] = bytes[i] & 0xFF;
      }
    } else {
      cps = ere.codePoints().toArray();
    }
    return new EreTranslator(ere, cps, byteMode).translateAll();
  }

  private String translateAll() {
    Fragment f = disjunction();
    if (pos < cps.length) {
      int c = cps[pos];
      throw invalid(
          c == ')' ? "unmatched ')'" : "'" + Character.toString(c) + "' has nothing to repeat");
    }
    checkStates(f.states());
    return f.java();
  }

  private Fragment disjunction() {
    Fragment first = alternative();
    if (!peekIs('|')) {
      return first;
    }
    StringBuilder sb = new StringBuilder(first.java());
    long states = first.states();
    while (peekIs('|')) {
      pos++;
      Fragment next = alternative();
      sb.append('|').append(next.java());
      states = add(states, next.states() + 2);
    }
    return new Fragment(sb.toString(), states);
  }

  private Fragment alternative() {
    StringBuilder sb = new StringBuilder();
    long states = 0;
    Fragment t;
    while ((t = term()) != null) {
      sb.append(t.java());
      states = add(states, t.states());
    }
    // An empty alternative is a single "dummy" state in libstdc++.
    return new Fragment(sb.toString(), states == 0 ? 1 : states);
  }

  /**
   * One assertion, or one atom with its quantifiers; null when the next token cannot start a term.
   */
  private Fragment term() {
    if (pos >= cps.length) {
      return null;
    }
    int c = cps[pos];
    Fragment atom;
    switch (c) {
      case '^':
        pos++;
        // Assertions take no quantifier: a following '*' ends the alternative and is then an error.
        return new Fragment("^", 1);
      case '$':
        pos++;
        // Java's '$' would also match before a final newline; POSIX '$' is the end of input only.
        return new Fragment("\\z", 1);
      case '|':
      case ')':
      case '*':
      case '+':
      case '?':
      case '{':
        return null;
      case '(':
        pos++;
        depth++;
        Fragment inner = disjunction();
        if (!peekIs(')')) {
          throw invalid("unmatched '('");
        }
        pos++;
        depth--;
        atom = new Fragment("(" + inner.java() + ")", add(inner.states(), 2));
        break;
      case '.':
        pos++;
        atom = new Fragment(".", 1); // compiled with DOTALL: '.' also matches newlines, as in POSIX
        break;
      case '[':
        pos++;
        atom = new Fragment(bracket(), 1);
        break;
      case '\\':
        pos++;
        if (pos >= cps.length) {
          throw invalid("trailing backslash");
        }
        int e = cps[pos++];
        // libstdc++ is built strictly: escaping an ordinary character (\d, \n, \], \}) is an error.
        if (e > 0x7F || ESCAPABLE.indexOf(e) < 0) {
          throw invalid("invalid escape '\\" + Character.toString(e) + "'");
        }
        atom = new Fragment(literal(e), 1);
        break;
      default:
        pos++;
        atom = new Fragment(literal(c), 1);
        break;
    }
    return quantifiers(atom);
  }

  private Fragment quantifiers(Fragment atom) {
    String java = atom.java();
    long s = atom.states();
    boolean quantified = false;
    while (pos < cps.length) {
      int c = cps[pos];
      String q;
      long states;
      if (c == '*') {
        q = "*";
        states = add(s, 1);
      } else if (c == '+') {
        q = "+";
        states = add(mul(s, 2), 1);
      } else if (c == '?') {
        q = "?";
        states = add(s, 1);
      } else if (c == '{') {
        pos++;
        long min = number();
        long max = min;
        boolean infinite = false;
        if (peekIs(',')) {
          pos++;
          if (pos < cps.length && isDigit(cps[pos])) {
            max = number();
          } else {
            infinite = true;
          }
        }
        if (!peekIs('}')) {
          throw invalid("bad interval");
        }
        if (!infinite && max < min) {
          throw invalid("interval {" + min + "," + max + "} is reversed");
        }
        if (infinite) {
          q = "{" + min + ",}";
          states = add(mul(s, min + 1), 2);
        } else if (max == min) {
          q = "{" + min + "}";
          states = add(mul(s, min), 1);
        } else {
          q = "{" + min + "," + max + "}";
          states = add(add(mul(s, max), max - min), 1);
        }
        // Check now: libstdc++ fails while building this repetition, before reading further.
        checkStates(states);
      } else {
        break;
      }
      pos++;
      // ERE allows stacked quantifiers (a**, a+?, a{1}{2}); in Java they would mean
      // lazy/possessive.
      if (quantified) {
        java = "(?:" + java + ")";
      }
      java = java + q;
      s = states;
      quantified = true;
    }
    return new Fragment(java, s);
  }

  private long number() {
    if (pos >= cps.length || !isDigit(cps[pos])) {
      throw invalid("bad interval");
    }
    long v = 0;
    while (pos < cps.length && isDigit(cps[pos])) {
      v = v * 10 + (cps[pos++] - '0');
      if (v > Integer.MAX_VALUE) {
        throw invalid("interval count too large");
      }
    }
    return v;
  }

  // ---- bracket expressions
  // -------------------------------------------------------------------------

  private enum Kind {
    END,
    DASH,
    CHAR,
    CLASS,
    EQUIV,
    COLLATE
  }

  private record Token(Kind kind, int ch, String name) {}

  /** Scans one token inside brackets; backslash is an ordinary character here (POSIX). */
  private Token bracketToken(boolean atStart) {
    if (pos >= cps.length) {
      throw invalid("unterminated bracket expression");
    }
    int c = cps[pos++];
    if (c == '-') {
      return new Token(Kind.DASH, '-', null);
    }
    if (c == ']' && !atStart) {
      return new Token(Kind.END, c, null);
    }
    if (c == '[') {
      if (pos >= cps.length) {
        throw invalid("unterminated bracket expression");
      }
      int d = cps[pos];
      if (d == '.' || d == ':' || d == '=') {
        pos++;
        StringBuilder name = new StringBuilder();
        while (pos < cps.length && cps[pos] != d) {
          name.appendCodePoint(cps[pos++]);
        }
        if (pos + 1 >= cps.length || cps[pos + 1] != ']') {
          throw invalid("unterminated [" + (char) d + " in bracket expression");
        }
        pos += 2;
        Kind kind = d == '.' ? Kind.COLLATE : d == ':' ? Kind.CLASS : Kind.EQUIV;
        return new Token(kind, 0, name.toString());
      }
    }
    return new Token(Kind.CHAR, c, null);
  }

  /**
   * Parses after the '[' and returns a Java character class; mirrors libstdc++'s dash/range rules.
   */
  private String bracket() {
    boolean negate = false;
    if (peekIs('^')) {
      negate = true;
      pos++;
    }
    StringBuilder body = new StringBuilder();
    // Pending single character that may still become the start of a range (libstdc++'s
    // _BracketState).
    int lastChar = -1;
    boolean lastIsClass = false;

    Token t = bracketToken(true);
    if (t.kind() == Kind.DASH) {
      t = new Token(Kind.CHAR, '-', null); // a leading '-' is an ordinary character
    }
    boolean first = true;
    while (true) {
      if (!first) {
        t = bracketToken(false);
      }
      first = false;
      if (t.kind() == Kind.END) {
        break;
      }
      switch (t.kind()) {
        case CHAR:
        case COLLATE:
          {
            int c = t.kind() == Kind.CHAR ? t.ch() : collate(t.name());
            if (lastChar >= 0) {
              body.append(literal(lastChar));
            }
            lastChar = c;
            lastIsClass = false;
            break;
          }
        case CLASS:
        case EQUIV:
          {
            String item = t.kind() == Kind.CLASS ? charClass(t.name()) : literal(collate(t.name()));
            if (lastChar >= 0) {
              body.append(literal(lastChar));
            }
            body.append(item);
            lastChar = -1;
            lastIsClass = true;
            break;
          }
        case DASH:
          {
            Token next = bracketToken(false);
            if (next.kind() == Kind.END) {
              if (lastChar >= 0) {
                body.append(literal(lastChar));
              }
              lastChar = '-';
              lastIsClass = false;
              t = next;
              break;
            }
            if (lastIsClass) {
              throw invalid("range starts with a character class");
            }
            if (lastChar < 0) {
              throw invalid("'-' in the middle of a bracket expression");
            }
            int hi;
            if (next.kind() == Kind.CHAR) {
              hi = next.ch();
            } else if (next.kind() == Kind.DASH) {
              hi = '-';
            } else {
              throw invalid("invalid end of range");
            }
            body.append(range(lastChar, hi));
            lastChar = -1;
            lastIsClass = false;
            break;
          }
        default:
          throw new IllegalStateException();
      }
      if (t.kind() == Kind.END) {
        break;
      }
    }
    if (lastChar >= 0) {
      body.append(literal(lastChar));
    }
    return (negate ? "[^" : "[") + body + "]";
  }

  private int collate(String name) {
    for (int i = 0; i < COLLATE_NAMES.length; i++) {
      if (COLLATE_NAMES[i].equals(name)) {
        return i;
      }
    }
    throw invalid("unknown collating element '" + name + "'");
  }

  private String charClass(String name) {
    String java = CLASSES.get(name.toLowerCase(Locale.ROOT));
    if (java == null) {
      throw invalid("unknown character class '" + name + "'");
    }
    return java;
  }

  private String range(int lo, int hi) {
    if (byteMode) {
      // libstdc++ compares plain (signed) chars: bytes >= 0x80 sort before ASCII.
      int slo = (byte) lo;
      int shi = (byte) hi;
      if (slo > shi) {
        throw invalid("reversed range");
      }
      if (slo < 0 && shi >= 0) {
        return literal(lo) + "-" + literal(0xFF) + literal(0) + "-" + literal(hi);
      }
      return literal(lo) + "-" + literal(hi);
    }
    if (lo > hi) {
      throw invalid("reversed range");
    }
    return literal(lo) + "-" + literal(hi);
  }

  // ---- helpers
  // -------------------------------------------------------------------------------------

  /** A code point as a self-contained Java regex unit, valid both inside and outside classes. */
  private static String literal(int c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      return Character.toString(c);
    }
    return "\\x{" + Integer.toHexString(c) + "}";
  }

  private boolean peekIs(int c) {
    return pos < cps.length && cps[pos] == c;
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private void checkStates(long states) {
    if (states + 3 > STATE_LIMIT) {
      throw new PosixRegexException(ere, "needs more than " + STATE_LIMIT + " NFA states", true);
    }
  }

  private static long add(long a, long b) {
    long r = a + b;
    return r < 0 || r > Long.MAX_VALUE / 4 ? Long.MAX_VALUE / 4 : r;
  }

  private static long mul(long a, long b) {
    if (a != 0 && b > (Long.MAX_VALUE / 4) / a) {
      return Long.MAX_VALUE / 4;
    }
    return a * b;
  }

  private PosixRegexException invalid(String reason) {
    return new PosixRegexException(ere, reason, false);
  }
}
