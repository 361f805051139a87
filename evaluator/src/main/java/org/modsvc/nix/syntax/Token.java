package org.modsvc.nix.syntax;

/**
 * One token: its kind, the character range [start, end) in the source, and its text. {@code text}
 * is the identifier name, the unescaped literal text of {@code STR}/{@code IND_STR}, the raw text
 * of numbers, paths and URIs, or the message of an {@code ERROR} token; it is null for punctuation
 * and keywords. {@code indentation} is only meaningful for {@code IND_STR}: true for plain text
 * (whose leading spaces count as indentation), false for escapes such as {@code ''$}, which end the
 * leading whitespace of a line like an interpolation does.
 */
public record Token(TokenKind kind, int start, int end, String text, boolean indentation) {
  static Token of(TokenKind kind, int start, int end) {
    return new Token(kind, start, end, null, false);
  }

  static Token of(TokenKind kind, int start, int end, String text) {
    return new Token(kind, start, end, text, false);
  }

  @Override
  public String toString() {
    return kind + (text == null ? "" : "(" + text + ")") + "@" + start + ".." + end;
  }
}
