package org.modsvc.packaging.docs;

/** Text made safe for roff's man macros (groff_man(7)). */
final class Roff {
  private Roff() {}

  /**
   * Running text: a backslash is an escape character in roff and is written {@code \e}; a line that
   * would start with a control character ({@code .} or {@code '}) is protected with the zero-width
   * {@code \&}; leading blanks (which roff turns into a line break) are dropped.
   */
  static String text(String s) {
    String t = s.strip().replace("\\", "\\e");
    if (t.startsWith(".") || t.startsWith("'")) {
      t = "\\&" + t;
    }
    return t;
  }

  /**
   * A word the reader types (a command, an option, a path): its hyphens are {@code \-}, the minus
   * sign, so that what is copied from the page is what the shell needs (a plain {@code -} may be
   * typeset as a hyphen).
   */
  static String literal(String s) {
    return text(s).replace("-", "\\-");
  }

  /**
   * An argument of a macro ({@code .SS "…"}): quoted, with the quotes inside made roff's double
   * quote.
   */
  static String quoted(String s) {
    return "\"" + literal(s).replace("\"", "\\(dq") + "\"";
  }
}
