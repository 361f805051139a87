package org.modsvc.nix.syntax;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.modsvc.nix.source.Source;
import org.modsvc.nix.source.Span;

/**
 * Recursive-descent parser for the Nix language, one method per level of Nix's grammar
 * ({@code parser.y}), from the loosest to the tightest binding:
 * <pre>
 *   function   x: e | {formals}: e | assert e; e | with e; e | let binds in e
 *   if         if e then e else e
 *   impl       -&gt;  (right)
 *   or         ||  (left)
 *   and        &amp;&amp;  (left)
 *   equality   == !=  (non-associative)
 *   compare    &lt; &gt; &lt;= &gt;=  (non-associative)
 *   update     //  (right)
 *   not        !e
 *   additive   + -  (left)
 *   mult       * /  (left)
 *   concat     ++  (right)
 *   hasAttr    e ? a.b  (chains to the left)
 *   negate     -e
 *   app        f a b
 *   select     e.a.b, e.a or d
 *   simple     literals, variables, ( e ), sets, lists, let { }
 * </pre>
 * A prefix operator found where an operand is expected parses its own operand at its own level,
 * which is what bison's precedence rules do: {@code a + !b + c} is {@code a + !(b + c)}.
 * Lambda heads need at most three tokens of lookahead ({@code { a ,}, {@code { } :}, ...); the token
 * list is produced up front by {@link Lexer}, so looking ahead is an array access.
 *
 * <p>After parsing, {@link StaticScope} checks that every variable is bound (Nix reports
 * "undefined variable" at parse time); pass a null predicate to skip that.
 */
public final class Parser {
  private final Source source;
  private final Path homeDir;
  private final List<Token> tokens;
  private final Consumer<String> pathLiterals;
  private int p;

  private Parser(Source source, Path homeDir, Consumer<String> pathLiterals) {
    this.source = source;
    this.homeDir = homeDir;
    this.pathLiterals = pathLiterals;
    this.tokens = Lexer.tokenize(source.text());
  }

  /**
   * Parses and checks variables against Nix's standard global names ({@link
   * StaticScope#isNixGlobal}).
   */
  public static Expr parse(Source source) {
    return parse(source, defaultHome());
  }

  /** As {@link #parse(Source)}, with {@code homeDir} used for {@code ~/} paths. */
  public static Expr parse(Source source, Path homeDir) {
    return parse(source, homeDir, StaticScope::isNixGlobal);
  }

  /**
   * Parses {@code source}; {@code isGlobal} says which free variable names are bound in the
   * outermost scope (builtins, or the attributes given to {@code scopedImport}); null skips the
   * undefined-variable check entirely.
   *
   * @throws ParseException on a syntax error, a duplicate attribute or formal, or an undefined
   *     variable
   */
  public static Expr parse(Source source, Path homeDir, Predicate<String> isGlobal) {
    return parse(source, homeDir, isGlobal, null);
  }

  /**
   * As {@link #parse(Source, Path, Predicate)}, and hands every plain path literal (no
   * interpolation), resolved to an absolute path, to {@code pathLiterals} (if not null): the files
   * a module is likely to import.
   */
  public static Expr parse(
      Source source, Path homeDir, Predicate<String> isGlobal, Consumer<String> pathLiterals) {
    Parser parser = new Parser(source, homeDir == null ? defaultHome() : homeDir, pathLiterals);
    Expr e = parser.parseExpr();
    Token t = parser.cur();
    if (t.kind() != TokenKind.EOF) {
      throw parser.unexpected(t, isBinaryOperator(t.kind()) ? null : "end of file");
    }
    if (isGlobal != null) StaticScope.check(e, isGlobal);
    return e;
  }

  private static Path defaultHome() {
    String home = System.getenv("HOME");
    if (home == null || home.isEmpty()) home = System.getProperty("user.home", "/");
    return Path.of(home);
  }

  // -----------------------------------------------------------------------------------------------
  // Token access

  /** The current token; a lexical error surfaces here, when the parser first needs that token. */
  private Token cur() {
    Token t = tokens.get(p);
    if (t.kind() == TokenKind.ERROR) throw new ParseException(t.text(), span(t.start(), t.end()));
    return t;
  }

  private TokenKind kind() {
    return cur().kind();
  }

  /** The kind of the token k places ahead, without raising lexical errors. */
  private TokenKind peekKind(int k) {
    int i = Math.min(p + k, tokens.size() - 1);
    return tokens.get(i).kind();
  }

  private Token next() {
    Token t = cur();
    if (p < tokens.size() - 1) p++;
    return t;
  }

  private boolean accept(TokenKind k) {
    if (kind() == k) {
      next();
      return true;
    }
    return false;
  }

  private Token expect(TokenKind k, String expecting) {
    Token t = cur();
    if (t.kind() != k) throw unexpected(t, expecting);
    return next();
  }

  /** End offset of the last consumed token. */
  private int lastEnd() {
    return p == 0 ? 0 : tokens.get(p - 1).end();
  }

  private Span span(int start, int end) {
    return new Span(source, start, end);
  }

  private Span spanFrom(int start) {
    return new Span(source, start, Math.max(start, lastEnd()));
  }

  private ParseException unexpected(Token t, String expecting) {
    String msg = "syntax error, unexpected " + t.kind().display;
    if (expecting != null) msg += ", expecting " + expecting;
    return new ParseException(msg, span(t.start(), t.end()));
  }

  private static boolean isBinaryOperator(TokenKind k) {
    switch (k) {
      case EQ:
      case NEQ:
      case LT:
      case GT:
      case LEQ:
      case GEQ:
      case AND:
      case OR:
      case IMPL:
      case UPDATE:
      case CONCAT:
      case PLUS:
      case MINUS:
      case STAR:
      case SLASH:
      case QUESTION:
        return true;
      default:
        return false;
    }
  }

  // -----------------------------------------------------------------------------------------------
  // expr_function

  private Expr parseExpr() {
    Token t = cur();
    int start = t.start();
    switch (t.kind()) {
      case ID:
        if (peekKind(1) == TokenKind.COLON) {
          next();
          next();
          Expr body = parseExpr();
          return new Expr.Lambda(t.text(), null, body, spanFrom(start));
        }
        if (peekKind(1) == TokenKind.AT) {
          next();
          next();
          Expr.Formals formals = parseFormals();
          checkFormals(formals, t.text(), span(start, t.end()));
          expect(TokenKind.COLON, "':'");
          Expr body = parseExpr();
          return new Expr.Lambda(t.text(), formals, body, spanFrom(start));
        }
        break;
      case LBRACE:
        if (looksLikeFormals()) {
          Expr.Formals formals = parseFormals();
          String param = null;
          if (accept(TokenKind.AT)) {
            param = expect(TokenKind.ID, "identifier").text();
          }
          checkFormals(formals, param, span(start, start + 1));
          expect(TokenKind.COLON, param == null ? "':' or '@'" : "':'");
          Expr body = parseExpr();
          return new Expr.Lambda(param, formals, body, spanFrom(start));
        }
        break;
      case ASSERT:
        {
          next();
          Expr cond = parseExpr();
          expect(TokenKind.SEMI, "';'");
          Expr body = parseExpr();
          return new Expr.Assert(cond, body, spanFrom(start));
        }
      case WITH:
        {
          next();
          Expr scope = parseExpr();
          expect(TokenKind.SEMI, "';'");
          Expr body = parseExpr();
          return new Expr.With(scope, body, spanFrom(start));
        }
      case LET:
        if (peekKind(1) != TokenKind.LBRACE) {
          next();
          BindingsBuilder b = new BindingsBuilder(true, span(start, t.end()));
          parseBinds(b);
          if (b.hasDynamicNames()) {
            throw new ParseException("dynamic attributes not allowed in let", span(start, t.end()));
          }
          expect(TokenKind.IN, "'in'");
          Expr body = parseExpr();
          return new Expr.Let(b.build(), body, spanFrom(start));
        }
        break;
      default:
        break;
    }
    return parseIf();
  }

  /**
   * At a '{': is this a formal argument set? Decided from the next two or three tokens, as the LALR
   * parser does: "{ }" followed by ':' or '@', "{ ...", "{ a ,", "{ a ?", "{ a }".
   */
  private boolean looksLikeFormals() {
    TokenKind k1 = peekKind(1);
    if (k1 == TokenKind.ELLIPSIS) return true;
    if (k1 == TokenKind.RBRACE) {
      TokenKind k2 = peekKind(2);
      return k2 == TokenKind.COLON || k2 == TokenKind.AT;
    }
    if (k1 == TokenKind.ID) {
      TokenKind k2 = peekKind(2);
      return k2 == TokenKind.COMMA || k2 == TokenKind.QUESTION || k2 == TokenKind.RBRACE;
    }
    return false;
  }

  private Expr.Formals parseFormals() {
    int start = expect(TokenKind.LBRACE, "'{'").start();
    List<Expr.Formal> entries = new ArrayList<>();
    boolean ellipsis = false;
    while (true) {
      Token t = cur();
      if (t.kind() == TokenKind.RBRACE) {
        next();
        break;
      }
      if (t.kind() == TokenKind.ELLIPSIS) {
        next();
        ellipsis = true;
        expect(TokenKind.RBRACE, "'}'");
        break;
      }
      Token name =
          expect(
              TokenKind.ID,
              entries.isEmpty() ? "identifier or '...' or '}'" : "identifier or '...'");
      Expr def = null;
      if (accept(TokenKind.QUESTION)) def = parseExpr();
      entries.add(new Expr.Formal(name.text(), def, spanFrom(name.start())));
      if (kind() == TokenKind.COMMA) {
        next();
      } else if (kind() != TokenKind.RBRACE) {
        throw unexpected(cur(), "'}' or ','");
      }
    }
    return new Expr.Formals(entries, ellipsis, spanFrom(start));
  }

  /** Duplicate formals, and a formal named like the @-argument, are errors (as in Nix 2.18+). */
  private void checkFormals(Expr.Formals formals, String param, Span lambdaPos) {
    Set<String> seen = new HashSet<>();
    for (Expr.Formal f : formals.entries()) {
      if (!seen.add(f.name())) {
        throw new ParseException("duplicate formal function argument '" + f.name() + "'", f.span());
      }
    }
    if (param != null && seen.contains(param)) {
      throw new ParseException("duplicate formal function argument '" + param + "'", lambdaPos);
    }
  }

  // -----------------------------------------------------------------------------------------------
  // Bindings

  /** binds: (attrpath '=' expr ';' | inherit ...)* up to, not including, the closing token. */
  private void parseBinds(BindingsBuilder b) {
    while (true) {
      Token t = cur();
      if (t.kind() == TokenKind.INHERIT) {
        b.addInherit(parseInherit());
      } else if (isAttrStart(t.kind())) {
        int start = t.start();
        List<Expr.AttrName> path = parseAttrPath();
        Span pos = span(start, lastEnd());
        expect(TokenKind.ASSIGN, "'.' or '='");
        Expr value = parseExpr();
        expect(TokenKind.SEMI, "';'");
        b.addAttr(path, value, pos, spanFrom(start));
      } else {
        return;
      }
    }
  }

  private static boolean isAttrStart(TokenKind k) {
    return k == TokenKind.ID
        || k == TokenKind.OR_KW
        || k == TokenKind.QUOTE
        || k == TokenKind.DOLLAR_CURLY;
  }

  private Expr.Inherit parseInherit() {
    int start = next().start();
    Expr from = null;
    if (accept(TokenKind.LPAREN)) {
      from = parseExpr();
      expect(TokenKind.RPAREN, "')'");
    }
    List<Expr.StaticName> names = new ArrayList<>();
    while (kind() != TokenKind.SEMI) {
      Token t = cur();
      if (!isAttrStart(t.kind())) throw unexpected(t, null);
      Expr.AttrName name = parseAttrName();
      if (!(name instanceof Expr.StaticName)) {
        throw new ParseException("dynamic attributes not allowed in inherit", name.span());
      }
      names.add((Expr.StaticName) name);
    }
    next();
    return new Expr.Inherit(from, names, spanFrom(start));
  }

  private List<Expr.AttrName> parseAttrPath() {
    List<Expr.AttrName> path = new ArrayList<>();
    path.add(parseAttrName());
    while (kind() == TokenKind.DOT) {
      next();
      path.add(parseAttrName());
    }
    return path;
  }

  /** attr: identifier, 'or', "string" or ${expr}; a string without interpolation is static. */
  private Expr.AttrName parseAttrName() {
    Token t = cur();
    int start = t.start();
    switch (t.kind()) {
      case ID:
        next();
        return new Expr.StaticName(t.text(), span(start, t.end()));
      case OR_KW:
        next();
        return new Expr.StaticName("or", span(start, t.end()));
      case QUOTE:
        {
          Expr e = parseString();
          if (e instanceof Expr.Str) return new Expr.StaticName(((Expr.Str) e).value(), e.span());
          return new Expr.DynamicName(e, e.span());
        }
      case DOLLAR_CURLY:
        {
          next();
          Expr e = parseExpr();
          expect(TokenKind.RBRACE, "'}'");
          Span sp = spanFrom(start);
          // ${"name"} with a plain string literal is a static name (Nix issue 14642).
          if (e instanceof Expr.Str) return new Expr.StaticName(((Expr.Str) e).value(), sp);
          return new Expr.DynamicName(e, sp);
        }
      default:
        throw unexpected(t, "identifier or 'or' or '${' or '\"'");
    }
  }

  // -----------------------------------------------------------------------------------------------
  // Operators

  private Expr parseIf() {
    if (kind() != TokenKind.IF) return parseImpl();
    int start = next().start();
    Expr cond = parseExpr();
    expect(TokenKind.THEN, "'then'");
    Expr then = parseExpr();
    expect(TokenKind.ELSE, "'else'");
    Expr otherwise = parseExpr();
    return new Expr.If(cond, then, otherwise, spanFrom(start));
  }

  private Expr parseImpl() {
    Expr first = parseOr();
    if (kind() != TokenKind.IMPL) return first;
    List<Expr> operands = new ArrayList<>();
    operands.add(first);
    while (accept(TokenKind.IMPL)) operands.add(parseOr());
    return foldRight(Expr.Op.IMPL, operands);
  }

  /**
   * Builds a right-associated chain {@code a op (b op (c ...))}. Right-associative levels collect
   * their operands in a loop rather than recursing, so long chains like {@code a ++ b ++ ...}
   * (common in generated code) do not use one stack frame group per operand.
   */
  private static Expr foldRight(Expr.Op op, List<Expr> operands) {
    Expr right = operands.get(operands.size() - 1);
    for (int i = operands.size() - 2; i >= 0; i--) {
      Expr left = operands.get(i);
      right = new Expr.BinOp(op, left, right, left.span().to(right.span()));
    }
    return right;
  }

  private Expr parseOr() {
    Expr left = parseAnd();
    while (kind() == TokenKind.OR) {
      next();
      Expr right = parseAnd();
      left = new Expr.BinOp(Expr.Op.OR, left, right, left.span().to(right.span()));
    }
    return left;
  }

  private Expr parseAnd() {
    Expr left = parseEquality();
    while (kind() == TokenKind.AND) {
      next();
      Expr right = parseEquality();
      left = new Expr.BinOp(Expr.Op.AND, left, right, left.span().to(right.span()));
    }
    return left;
  }

  private Expr parseEquality() {
    Expr left = parseCompare();
    TokenKind k = kind();
    if (k == TokenKind.EQ || k == TokenKind.NEQ) {
      next();
      Expr right = parseCompare();
      left =
          new Expr.BinOp(
              k == TokenKind.EQ ? Expr.Op.EQ : Expr.Op.NEQ,
              left,
              right,
              left.span().to(right.span()));
      if (kind() == TokenKind.EQ || kind() == TokenKind.NEQ) throw unexpected(cur(), null);
    }
    return left;
  }

  private Expr parseCompare() {
    Expr left = parseUpdate();
    Expr.Op op = compareOp(kind());
    if (op != null) {
      next();
      Expr right = parseUpdate();
      left = new Expr.BinOp(op, left, right, left.span().to(right.span()));
      if (compareOp(kind()) != null) throw unexpected(cur(), null);
    }
    return left;
  }

  private static Expr.Op compareOp(TokenKind k) {
    switch (k) {
      case LT:
        return Expr.Op.LT;
      case GT:
        return Expr.Op.GT;
      case LEQ:
        return Expr.Op.LE;
      case GEQ:
        return Expr.Op.GE;
      default:
        return null;
    }
  }

  private Expr parseUpdate() {
    Expr first = parseNot();
    if (kind() != TokenKind.UPDATE) return first;
    List<Expr> operands = new ArrayList<>();
    operands.add(first);
    while (accept(TokenKind.UPDATE)) operands.add(parseNot());
    return foldRight(Expr.Op.UPDATE, operands);
  }

  private Expr parseNot() {
    if (kind() != TokenKind.NOT) return parseAdditive();
    int start = next().start();
    Expr operand = parseNot();
    return new Expr.Not(operand, spanFrom(start));
  }

  private Expr parseAdditive() {
    Expr left = parseMultiplicative();
    while (kind() == TokenKind.PLUS || kind() == TokenKind.MINUS) {
      Expr.Op op = next().kind() == TokenKind.PLUS ? Expr.Op.ADD : Expr.Op.SUB;
      Expr right = parseMultiplicative();
      left = new Expr.BinOp(op, left, right, left.span().to(right.span()));
    }
    return left;
  }

  private Expr parseMultiplicative() {
    Expr left = parseConcat();
    while (kind() == TokenKind.STAR || kind() == TokenKind.SLASH) {
      Expr.Op op = next().kind() == TokenKind.STAR ? Expr.Op.MUL : Expr.Op.DIV;
      Expr right = parseConcat();
      left = new Expr.BinOp(op, left, right, left.span().to(right.span()));
    }
    return left;
  }

  private Expr parseConcat() {
    Expr first = parseHasAttr();
    if (kind() != TokenKind.CONCAT) return first;
    List<Expr> operands = new ArrayList<>();
    operands.add(first);
    while (accept(TokenKind.CONCAT)) operands.add(parseHasAttr());
    return foldRight(Expr.Op.CONCAT, operands);
  }

  private Expr parseHasAttr() {
    Expr left = parseNegate();
    // '?' is declared non-associative in parser.y, but its right side is an attribute path, not
    // an operand, so bison never sees a conflict: "a ? b ? c" is "(a ? b) ? c".
    while (kind() == TokenKind.QUESTION) {
      next();
      List<Expr.AttrName> path = parseAttrPath();
      left = new Expr.HasAttr(left, path, spanFrom(left.span().start()));
    }
    return left;
  }

  /** The operand level: prefix '-' binds tightest; a '!' here takes a whole '!'-level operand. */
  private Expr parseNegate() {
    TokenKind k = kind();
    if (k == TokenKind.MINUS) {
      int start = next().start();
      Expr operand = parseNegate();
      return new Expr.Neg(operand, spanFrom(start));
    }
    if (k == TokenKind.NOT) return parseNot();
    return parseApp();
  }

  private Expr parseApp() {
    Expr fn = parseSelect();
    while (startsSimple(kind())) {
      Expr arg = parseSelect();
      fn = new Expr.Call(fn, arg, fn.span().to(arg.span()));
    }
    return fn;
  }

  private static boolean startsSimple(TokenKind k) {
    switch (k) {
      case ID:
      case INT:
      case FLOAT:
      case QUOTE:
      case IND_STRING_OPEN:
      case PATH:
      case HPATH:
      case SPATH:
      case URI:
      case LPAREN:
      case LET:
      case REC:
      case LBRACE:
      case LBRACKET:
        return true;
      default:
        return false;
    }
  }

  private Expr parseSelect() {
    Expr target = parseSimple();
    int start = target.span().start();
    if (kind() == TokenKind.DOT) {
      next();
      List<Expr.AttrName> path = parseAttrPath();
      Expr fallback = null;
      if (accept(TokenKind.OR_KW)) fallback = parseSelect();
      return new Expr.Select(target, path, fallback, spanFrom(start));
    }
    if (kind() == TokenKind.OR_KW) {
      // Backwards compatibility (nixpkgs once had a function named 'or'): "f or" applies f to
      // the variable 'or'.
      Token or = next();
      Span sp = span(or.start(), or.end());
      return new Expr.Call(target, new Expr.Var("or", sp), spanFrom(start));
    }
    return target;
  }

  // -----------------------------------------------------------------------------------------------
  // expr_simple

  private Expr parseSimple() {
    Token t = cur();
    int start = t.start();
    switch (t.kind()) {
      case ID:
        next();
        if (t.text().equals("__curPos")) return new Expr.CurPos(span(start, t.end()));
        return new Expr.Var(t.text(), span(start, t.end()));
      case INT:
        next();
        return new Expr.Int(Long.parseLong(t.text()), span(start, t.end()));
      case FLOAT:
        next();
        return new Expr.Float(Double.parseDouble(t.text()), span(start, t.end()));
      case QUOTE:
        return parseString();
      case IND_STRING_OPEN:
        return parseIndentedString();
      case PATH:
      case HPATH:
        return parsePath();
      case SPATH:
        {
          next();
          Span sp = span(start, t.end());
          String inner = t.text().substring(1, t.text().length() - 1);
          Expr findFile =
              new Expr.Call(new Expr.Var("__findFile", sp), new Expr.Var("__nixPath", sp), sp);
          return new Expr.Call(findFile, new Expr.Str(inner, sp), sp);
        }
      case URI:
        next();
        return new Expr.Str(t.text(), span(start, t.end()));
      case LPAREN:
        {
          next();
          Expr e = parseExpr();
          expect(TokenKind.RPAREN, "')'");
          return e;
        }
      case LET:
        {
          next();
          expect(TokenKind.LBRACE, "'{'");
          BindingsBuilder b = new BindingsBuilder(true, span(start, t.end()));
          parseBinds(b);
          expect(TokenKind.RBRACE, "'}'");
          return new Expr.LegacyLet(b.build(), spanFrom(start));
        }
      case REC:
        {
          next();
          expect(TokenKind.LBRACE, "'{'");
          return parseAttrSetBody(true, start);
        }
      case LBRACE:
        next();
        return parseAttrSetBody(false, start);
      case LBRACKET:
        {
          next();
          List<Expr> items = new ArrayList<>();
          while (startsSimple(kind())) items.add(parseSelect());
          expect(TokenKind.RBRACKET, "']'");
          return new Expr.ListLit(items, spanFrom(start));
        }
      default:
        throw unexpected(t, null);
    }
  }

  private Expr parseAttrSetBody(boolean recursive, int start) {
    BindingsBuilder b = new BindingsBuilder(recursive, span(start, start + 1));
    int first = p;
    parseBinds(b);
    // Bison's wording after a bare '{' (its LALR default reduction leaves only 'inherit').
    expect(TokenKind.RBRACE, !recursive && p == first ? "'inherit'" : "'}'");
    return new Expr.AttrSet(recursive, b.build(), spanFrom(start));
  }

  /**
   * '"' parts '"': a {@link Expr.Str} when there is no interpolation, else an {@link Expr.Interp}.
   */
  private Expr parseString() {
    int start = expect(TokenKind.QUOTE, "'\"'").start();
    List<Expr> parts = new ArrayList<>();
    boolean interpolated = false;
    while (true) {
      Token t = cur();
      if (t.kind() == TokenKind.STR) {
        next();
        parts.add(new Expr.Str(t.text(), span(t.start(), t.end())));
      } else if (t.kind() == TokenKind.DOLLAR_CURLY) {
        next();
        parts.add(parseExpr());
        expect(TokenKind.RBRACE, "'}'");
        interpolated = true;
      } else if (t.kind() == TokenKind.QUOTE) {
        next();
        break;
      } else {
        throw unexpected(t, "'\"'");
      }
    }
    Span sp = spanFrom(start);
    if (!interpolated)
      return new Expr.Str(parts.isEmpty() ? "" : ((Expr.Str) parts.get(0)).value(), sp);
    return new Expr.Interp(parts, sp);
  }

  private Expr parseIndentedString() {
    int start = next().start();
    List<IndentedStrings.Part> parts = new ArrayList<>();
    while (true) {
      Token t = cur();
      if (t.kind() == TokenKind.IND_STR) {
        next();
        parts.add(IndentedStrings.Part.text(t, span(t.start(), t.end())));
      } else if (t.kind() == TokenKind.DOLLAR_CURLY) {
        next();
        parts.add(IndentedStrings.Part.interpolation(parseExpr()));
        expect(TokenKind.RBRACE, "'}'");
      } else if (t.kind() == TokenKind.IND_STRING_CLOSE) {
        next();
        break;
      } else {
        throw unexpected(t, "end of an indented string");
      }
    }
    return IndentedStrings.strip(parts, spanFrom(start));
  }

  /** path_start (STR | ${e})* PATH_END */
  private Expr parsePath() {
    Token t = next();
    int start = t.start();
    String literal = t.text();
    String resolved;
    if (t.kind() == TokenKind.HPATH) {
      resolved = homeDir.toString() + literal.substring(1);
    } else {
      boolean trailingSlash = literal.length() > 1 && literal.endsWith("/");
      resolved =
          literal.startsWith("/")
              ? canonPath(literal)
              : canonPath(source.baseDir().toString() + "/" + literal);
      if (trailingSlash && !resolved.endsWith("/")) resolved += "/";
    }
    Expr.PathLit head = new Expr.PathLit(resolved, span(start, t.end()));
    List<Expr> parts = null;
    while (true) {
      Token u = cur();
      if (u.kind() == TokenKind.PATH_END) {
        next();
        break;
      }
      if (parts == null) {
        parts = new ArrayList<>();
        parts.add(head);
      }
      if (u.kind() == TokenKind.STR) {
        next();
        parts.add(new Expr.Str(u.text(), span(u.start(), u.end())));
      } else if (u.kind() == TokenKind.DOLLAR_CURLY) {
        next();
        parts.add(parseExpr());
        expect(TokenKind.RBRACE, "'}'");
      } else {
        throw unexpected(u, null);
      }
    }
    if (parts == null) {
      if (pathLiterals != null) pathLiterals.accept(resolved);
      return head;
    }
    return new Expr.PathInterp(parts, spanFrom(start));
  }

  /** Removes "." and ".." and repeated slashes from an absolute path, without touching the disk. */
  static String canonPath(String path) {
    String[] segs = path.split("/");
    String[] stack = new String[segs.length];
    int n = 0;
    for (String seg : segs) {
      if (seg.isEmpty() || seg.equals(".")) continue;
      if (seg.equals("..")) {
        if (n > 0) n--;
        continue;
      }
      stack[n++] = seg;
    }
    if (n == 0) return "/";
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) sb.append('/').append(stack[i]);
    return sb.toString();
  }
}
