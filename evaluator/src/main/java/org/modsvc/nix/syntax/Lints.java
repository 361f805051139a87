package org.modsvc.nix.syntax;

import java.util.Map;
import java.util.function.Consumer;
import org.modsvc.nix.source.Span;

/**
 * Nix's optional literal lints ({@code --lint-absolute-path-literals}, {@code
 * --lint-short-path-literals}, {@code --lint-url-literals}, each {@code warn} or {@code fatal}).
 * The parser keeps no record of how a literal was written, so the lints read the literal's source
 * text through its span.
 */
public final class Lints {
  public static final String ABSOLUTE_PATHS = "absolute-path-literals";
  public static final String SHORT_PATHS = "short-path-literals";
  public static final String URLS = "url-literals";

  private final Map<String, String> levels;
  private final Consumer<String> warn;

  private Lints(Map<String, String> levels, Consumer<String> warn) {
    this.levels = levels;
    this.warn = warn;
  }

  /** Checks {@code e}; {@code levels} maps a lint name to "warn" or "fatal" (absent = off). */
  public static void check(Expr e, Map<String, String> levels, Consumer<String> warn) {
    if (levels.isEmpty()) return;
    new Lints(levels, warn).walk(e);
  }

  private void report(String lint, String message, Span span) {
    String level = levels.get(lint);
    if (level == null || level.equals("ignore")) return;
    String text = message + " (lint-" + lint + ")";
    if (level.equals("fatal")) throw new ParseException(text, span);
    warn.accept(text);
  }

  private static String raw(Span s) {
    String t = s.source().text();
    return t.substring(s.start(), Math.min(s.end(), t.length()));
  }

  private void path(Expr.PathLit p) {
    String r = raw(p.span());
    if (r.startsWith("/")) {
      report(
          ABSOLUTE_PATHS,
          "absolute path literals are not portable. Consider replacing path literal '"
              + r
              + "' by a string, relative path, or parameter",
          p.span());
    } else if (r.startsWith("~")) {
      report(
          ABSOLUTE_PATHS,
          "home path literals are not portable. Consider replacing path literal '"
              + r
              + "' by a string, relative path, or parameter",
          p.span());
    } else if (!r.startsWith(".") && !r.startsWith("<")) {
      report(
          SHORT_PATHS,
          "relative path literal '"
              + r
              + "' should be prefixed with '.' for clarity: './"
              + r
              + "'",
          p.span());
    }
  }

  private void walk(Expr e) {
    if (e == null) return;
    if (e instanceof Expr.PathLit p) path(p);
    else if (e instanceof Expr.Str s) {
      if (s.span().isKnown() && s.span().end() > s.span().start()) {
        char c = s.span().source().text().charAt(s.span().start());
        String r = raw(s.span());
        if (c != '"'
            && c != '\''
            && r.indexOf(':') > 0
            && Character.isLetter(c)
            && !r.contains("${")) {
          report(
              URLS,
              "URL literals are disallowed. Consider using a string literal \"" + r + "\" instead",
              s.span());
        }
      }
    } else if (e instanceof Expr.Interp i) i.parts().forEach(this::walk);
    else if (e instanceof Expr.PathInterp p) p.parts().forEach(this::walk);
    else if (e instanceof Expr.Select s) {
      walk(s.target());
      names(s.path());
      walk(s.fallback());
    } else if (e instanceof Expr.HasAttr h) {
      walk(h.target());
      names(h.path());
    } else if (e instanceof Expr.AttrSet a) bindings(a.bindings());
    else if (e instanceof Expr.ListLit l) l.items().forEach(this::walk);
    else if (e instanceof Expr.Let l) {
      bindings(l.bindings());
      walk(l.body());
    } else if (e instanceof Expr.LegacyLet l) bindings(l.bindings());
    else if (e instanceof Expr.With w) {
      walk(w.scope());
      walk(w.body());
    } else if (e instanceof Expr.Assert a) {
      walk(a.condition());
      walk(a.body());
    } else if (e instanceof Expr.If i) {
      walk(i.condition());
      walk(i.then());
      walk(i.otherwise());
    } else if (e instanceof Expr.Lambda l) {
      if (l.formals() != null) for (Expr.Formal f : l.formals().entries()) walk(f.defaultValue());
      walk(l.body());
    } else if (e instanceof Expr.Call c) {
      walk(c.function());
      walk(c.argument());
    } else if (e instanceof Expr.Not n) walk(n.operand());
    else if (e instanceof Expr.Neg n) walk(n.operand());
    else if (e instanceof Expr.BinOp b) {
      walk(b.left());
      walk(b.right());
    }
  }

  private void names(java.util.List<Expr.AttrName> path) {
    for (Expr.AttrName n : path) if (n instanceof Expr.DynamicName d) walk(d.expr());
  }

  private void bindings(java.util.List<Expr.Binding> bs) {
    for (Expr.Binding b : bs) {
      if (b instanceof Expr.AttrDef d) {
        names(d.path());
        walk(d.value());
      } else if (b instanceof Expr.Inherit i) walk(i.from());
    }
  }
}
