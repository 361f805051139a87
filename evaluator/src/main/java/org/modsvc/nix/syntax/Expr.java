package org.modsvc.nix.syntax;

import java.util.List;
import org.modsvc.nix.source.Span;

/**
 * The Nix syntax tree: data only, one record per construct, each with its {@link Span}. Desugaring
 * done by the parser (so the evaluator never sees it):
 *
 * <ul>
 *   <li>{@code <p>} becomes {@code __findFile __nixPath "p"} (a {@link Call} of {@link Var}s);
 *   <li>indented strings are stripped and unescaped into {@link Str}/{@link Interp};
 *   <li>URIs become {@link Str};
 *   <li>{@code a.b.c = v} is merged into nested non-recursive {@link AttrSet}s, so every {@link
 *       AttrDef} path has exactly one element and each static name appears once per set; a dynamic
 *       name keeps its own binding (its rest of path also becomes nested sets), checked at run
 *       time;
 *   <li>{@code -e} is {@link Neg}, {@code let { ... }} is {@link LegacyLet}.
 * </ul>
 */
public sealed interface Expr {
  Span span();

  record Int(long value, Span span) implements Expr {}

  record Float(double value, Span span) implements Expr {}

  /** A string without interpolation. */
  record Str(String value, Span span) implements Expr {}

  /** A string with interpolation: parts are {@link Str} literals or arbitrary expressions. */
  record Interp(List<Expr> parts, Span span) implements Expr {
    public Interp {
      parts = List.copyOf(parts);
    }
  }

  /**
   * A literal path, already made absolute (relative to the source's directory, or home for {@code
   * ~/}).
   */
  record PathLit(String path, Span span) implements Expr {}

  /**
   * A path with interpolation, e.g. {@code ./a/${b}}: the first part is a {@link PathLit}
   * (absolute), the rest are {@link Str} or expressions; the result is a path.
   */
  record PathInterp(List<Expr> parts, Span span) implements Expr {
    public PathInterp {
      parts = List.copyOf(parts);
    }
  }

  record Var(String name, Span span) implements Expr {}

  /** {@code e.a.b} or {@code e.a.b or fallback}; fallback may be null. */
  record Select(Expr target, List<AttrName> path, Expr fallback, Span span) implements Expr {
    public Select {
      path = List.copyOf(path);
    }
  }

  /** {@code e ? a.b} */
  record HasAttr(Expr target, List<AttrName> path, Span span) implements Expr {
    public HasAttr {
      path = List.copyOf(path);
    }
  }

  record AttrSet(boolean recursive, List<Binding> bindings, Span span) implements Expr {
    public AttrSet {
      bindings = List.copyOf(bindings);
    }
  }

  record ListLit(List<Expr> items, Span span) implements Expr {
    public ListLit {
      items = List.copyOf(items);
    }
  }

  record Let(List<Binding> bindings, Expr body, Span span) implements Expr {
    public Let {
      bindings = List.copyOf(bindings);
    }
  }

  /**
   * {@code let { a = 1; body = a; }}: a recursive set whose {@code body} attribute is the value.
   */
  record LegacyLet(List<Binding> bindings, Span span) implements Expr {
    public LegacyLet {
      bindings = List.copyOf(bindings);
    }
  }

  record With(Expr scope, Expr body, Span span) implements Expr {}

  record Assert(Expr condition, Expr body, Span span) implements Expr {}

  record If(Expr condition, Expr then, Expr otherwise, Span span) implements Expr {}

  /**
   * A function. {@code param} is the plain argument name or the {@code @} name (may be null when
   * {@code formals} is set); {@code formals} is null for {@code x: body}.
   */
  record Lambda(String param, Formals formals, Expr body, Span span) implements Expr {}

  record Call(Expr function, Expr argument, Span span) implements Expr {}

  record Not(Expr operand, Span span) implements Expr {}

  record Neg(Expr operand, Span span) implements Expr {}

  record BinOp(Op op, Expr left, Expr right, Span span) implements Expr {}

  /** {@code __curPos} */
  record CurPos(Span span) implements Expr {}

  enum Op {
    ADD("+"),
    SUB("-"),
    MUL("*"),
    DIV("/"),
    CONCAT("++"),
    UPDATE("//"),
    EQ("=="),
    NEQ("!="),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">="),
    AND("&&"),
    OR("||"),
    IMPL("->");

    public final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }
  }

  /** One element of an attribute path: a static name, or an expression giving the name. */
  sealed interface AttrName {
    Span span();
  }

  record StaticName(String name, Span span) implements AttrName {}

  /** {@code ${e}} or {@code "..${e}.."}: evaluated to a string (null means "skip" in a binding). */
  record DynamicName(Expr expr, Span span) implements AttrName {}

  sealed interface Binding {
    Span span();
  }

  /** {@code a.b.c = value;} */
  record AttrDef(List<AttrName> path, Expr value, Span span) implements Binding {
    public AttrDef {
      path = List.copyOf(path);
    }
  }

  /**
   * {@code inherit a b;} (from == null) or {@code inherit (e) a b;}; names are static or string
   * literals.
   */
  record Inherit(Expr from, List<StaticName> names, Span span) implements Binding {
    public Inherit {
      names = List.copyOf(names);
    }
  }

  record Formals(List<Formal> entries, boolean ellipsis, Span span) {
    public Formals {
      entries = List.copyOf(entries);
    }
  }

  /** {@code name} or {@code name ? default}; defaultValue may be null. */
  record Formal(String name, Expr defaultValue, Span span) {}
}
