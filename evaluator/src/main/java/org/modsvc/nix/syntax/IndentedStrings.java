package org.modsvc.nix.syntax;

import java.util.ArrayList;
import java.util.List;
import org.modsvc.nix.source.Span;

/**
 * Indentation stripping of {@code ''...''} strings, with Nix's exact rules:
 *
 * <ul>
 *   <li>the indentation removed from every line is the smallest number of leading spaces over all
 *       lines that contain something other than spaces (tabs are not indentation: a tab is
 *       content);
 *   <li>interpolations and escapes ({@code ''$}, {@code '''}, {@code ''\x}) count as content, so a
 *       line starting with one has indentation zero;
 *   <li>a first line of only spaces was already dropped by the lexer (it is part of the opening
 *       token), and a last line of only spaces is removed when it is the final piece of text.
 * </ul>
 *
 * Text of escapes is still subject to the space stripping of the second pass (upstream quirk kept
 * on purpose: {@code ''\ } at the start of a line may be swallowed as indentation).
 */
final class IndentedStrings {
  private IndentedStrings() {}

  /**
   * One piece between {@code ''} and {@code ''}: literal text (expr == null) or an interpolation.
   */
  record Part(String text, boolean indentation, Expr expr, Span span) {
    static Part text(Token t, Span span) {
      return new Part(t.text(), t.indentation(), null, span);
    }

    static Part interpolation(Expr e) {
      return new Part(null, false, e, e.span());
    }
  }

  static Expr strip(List<Part> parts, Span span) {
    if (parts.isEmpty()) return new Expr.Str("", span);

    // Pass 1: the minimum indentation of lines that have content.
    boolean atLineStart = true;
    int minIndent = Integer.MAX_VALUE;
    int curIndent = 0;
    for (Part p : parts) {
      if (p.expr() != null || !p.indentation()) {
        if (atLineStart) {
          atLineStart = false;
          minIndent = Math.min(minIndent, curIndent);
        }
        continue;
      }
      String t = p.text();
      for (int j = 0; j < t.length(); j++) {
        char c = t.charAt(j);
        if (atLineStart) {
          if (c == ' ') {
            curIndent++;
          } else if (c == '\n') {
            curIndent = 0; // a blank line does not count
          } else {
            atLineStart = false;
            minIndent = Math.min(minIndent, curIndent);
          }
        } else if (c == '\n') {
          atLineStart = true;
          curIndent = 0;
        }
      }
    }

    // Pass 2: drop up to minIndent leading spaces of every line.
    List<Expr> out = new ArrayList<>();
    atLineStart = true;
    int dropped = 0;
    for (int k = 0; k < parts.size(); k++) {
      Part p = parts.get(k);
      if (p.expr() != null) {
        atLineStart = false;
        dropped = 0;
        out.add(p.expr());
        continue;
      }
      String t = p.text();
      StringBuilder sb = new StringBuilder(t.length());
      for (int j = 0; j < t.length(); j++) {
        char c = t.charAt(j);
        if (atLineStart) {
          if (c == ' ') {
            if (dropped++ >= minIndent) sb.append(c);
          } else if (c == '\n') {
            dropped = 0;
            sb.append(c);
          } else {
            atLineStart = false;
            dropped = 0;
            sb.append(c);
          }
        } else {
          sb.append(c);
          if (c == '\n') atLineStart = true;
        }
      }
      if (k == parts.size() - 1) {
        // The closing '' on a line of its own: that last line of spaces is not part of the string.
        int nl = sb.lastIndexOf("\n");
        if (nl >= 0 && onlySpaces(sb, nl + 1)) sb.setLength(nl + 1);
      }
      if (sb.length() > 0) out.add(new Expr.Str(sb.toString(), p.span()));
    }

    if (out.isEmpty()) return new Expr.Str("", span);
    if (out.size() == 1 && out.get(0) instanceof Expr.Str) {
      return new Expr.Str(((Expr.Str) out.get(0)).value(), span);
    }
    return new Expr.Interp(out, span);
  }

  private static boolean onlySpaces(CharSequence s, int from) {
    for (int i = from; i < s.length(); i++) if (s.charAt(i) != ' ') return false;
    return true;
  }
}
