package org.modsvc.nix.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.modsvc.nix.source.Source;

/**
 * Expected outputs are written in {@code nix-instantiate --parse} notation (see {@link NixShow});
 * they were checked against a real Nix.
 */
class ParserTest {
  private static final Path BASE = Path.of("/base/dir");
  private static final Path HOME = Path.of("/home/u");

  private static Source src(String text) {
    return Source.ofString("«string»", text, BASE);
  }

  /** Parses without the undefined-variable check, so tests can use free names. */
  private static Expr parse(String text) {
    return Parser.parse(src(text), HOME, null);
  }

  private static String show(String text) {
    return NixShow.show(parse(text));
  }

  private static ParseException fails(String text) {
    return assertThrows(ParseException.class, () -> Parser.parse(src(text), HOME, null));
  }

  private static String where(ParseException e) {
    return e.getMessage() + " @" + e.span().line() + ":" + e.span().column();
  }

  /** The value of a string literal; escapes in indented strings give several literal parts. */
  private static String str(String text) {
    Expr e = parse(text);
    if (e instanceof Expr.Interp) {
      StringBuilder sb = new StringBuilder();
      for (Expr part : ((Expr.Interp) e).parts())
        sb.append(assertInstanceOf(Expr.Str.class, part).value());
      return sb.toString();
    }
    return assertInstanceOf(Expr.Str.class, e).value();
  }

  // ---- precedence and associativity ----

  @Test
  void arithmetic_followsUsualPrecedence() {
    assertEquals("(__sub (1 + (__mul 2 3)) (__div 4 5))", show("1 + 2 * 3 - 4 / 5"));
  }

  @Test
  void subtraction_isLeftAssociative() {
    assertEquals("(__sub (__sub a b) c)", show("a - b - c"));
  }

  @Test
  void minusAfterFunction_isBinary() {
    assertEquals("(__sub f 1)", show("f -1"));
  }

  @Test
  void negation_bindsLooserThanSelect_andTighterThanHasAttr() {
    assertEquals("(__sub 0 (a).b)", show("-a.b"));
    assertEquals("(((__sub 0 a)) ? b)", show("-a ? b"));
  }

  @Test
  void not_takesTheWholeAdditiveOperand() {
    assertEquals("(! (a + b))", show("!a + b"));
    assertEquals("(a + (! (b + c)))", show("a + !b + c"));
    assertEquals("((__mul a (! b)) // c)", show("a * !b // c"));
    assertEquals("((! a) == b)", show("!a == b"));
  }

  @Test
  void rightAssociativeOperators_groupToTheRight() {
    assertEquals("(a ++ (b ++ c))", show("a ++ b ++ c"));
    assertEquals("(a // (b // c))", show("a // b // c"));
    assertEquals("(a -> (b -> c))", show("a -> b -> c"));
  }

  @Test
  void andBindsTighterThanOr() {
    assertEquals("(a || (b && c))", show("a || b && c"));
  }

  @Test
  void comparisons_desugarLikeNix() {
    assertEquals("(__lessThan a b)", show("a < b"));
    assertEquals("(! (__lessThan b a))", show("a <= b"));
    assertEquals("(__lessThan b a)", show("a > b"));
    assertEquals("(! (__lessThan a b))", show("a >= b"));
  }

  @Test
  void equality_isNonAssociative() {
    assertEquals("syntax error, unexpected '==' @1:8", where(fails("3 == 3 == 3")));
    assertEquals("syntax error, unexpected '!=' @1:8", where(fails("a == b != c")));
  }

  @Test
  void comparison_isNonAssociative() {
    assertEquals("syntax error, unexpected '<' @1:7", where(fails("1 < 2 < 3")));
  }

  @Test
  void hasAttr_chainsToTheLeft_andBindsTighterThanConcat() {
    assertEquals("((((a) ? b)) ? c)", show("a ? b ? c"));
    assertEquals("(a ++ ((b) ? c))", show("a ++ b ? c"));
  }

  @Test
  void application_isLeftAssociative_andTakesSelects() {
    assertEquals("(f (a).b (c).d or (e))", show("f a.b c.d or e"));
  }

  @Test
  void selectWithDefault_defaultIsASelect() {
    assertEquals("(a).b.c or ((d).e or (f))", show("a.b.c or d.e or f"));
  }

  @Test
  void orWithoutSelect_appliesToVariableOr() {
    assertEquals("(map or [ (1) ])", show("map or [1]"));
    assertEquals("(a or)", show("(a or)"));
  }

  @Test
  void orIsAllowedAsAttributeName() {
    assertEquals("{ or = 1; }", show("{ or = 1; }"));
    assertEquals("(a).or", show("a.or"));
  }

  // ---- literals ----

  @Test
  void integers_andFloats() {
    assertEquals(9223372036854775807L, ((Expr.Int) parse("9223372036854775807")).value());
    assertEquals(0.5, ((Expr.Float) parse(".5")).value());
    assertEquals(100.0, ((Expr.Float) parse("1.e2")).value());
    assertEquals(1.5e-3, ((Expr.Float) parse("1.5e-3")).value());
  }

  @Test
  void integerOverflow_isAnErrorAtTheLiteral() {
    assertEquals(
        "invalid integer '9223372036854775808' @1:5", where(fails("1 + 9223372036854775808")));
  }

  @Test
  void stringEscapes_andDollarRules() {
    assertEquals("\n\t\r\\\"$a", str("\"\\n\\t\\r\\\\\\\"\\$\\a\""));
    assertEquals("$${x}", str("\"$${x}\""));
    assertEquals("${", str("\"\\${\""));
    assertEquals("a$", str("\"a$\""));
    assertEquals("", str("\"\""));
  }

  @Test
  void stringInterpolation_givesInterp() {
    Expr.Interp i = assertInstanceOf(Expr.Interp.class, parse("\"a${b}c\""));
    assertEquals(3, i.parts().size());
    assertEquals("(b)", show("\"${b}\""));
  }

  @Test
  void indentedString_stripsCommonIndentation() {
    assertEquals("foo\n  bar\n", str("''\n  foo\n    bar\n  ''"));
    assertEquals("a\nb", str("''  a\n  b''"));
    assertEquals("\na\n\n", str("''\n\n  a\n\n''"));
    assertEquals("a\n", str("''\n  a\n   ''"));
    assertEquals("x\n", str("''\n      x\n    ''"));
    assertEquals("a ", str("''\n  a ''"));
  }

  @Test
  void indentedString_tabsAreNotIndentation() {
    assertEquals("\ttab\n  x", str("''\n\ttab\n  x''"));
  }

  @Test
  void indentedString_interpolationCountsAsContent() {
    assertEquals("(\"  \" + \"x\" + \"\\ny\")", show("''\n    ${\"x\"}\n  y''"));
  }

  @Test
  void indentedString_escapes() {
    assertEquals("a''b", str("''a'''b''"));
    assertEquals("$", str("''''$''"));
    assertEquals("$${x}", str("''$${x}''"));
    assertEquals("$ ", str("'' ''$ ''"));
    assertEquals("a\nb\nc", str("''\n  a''\\nb\n  c''"));
  }

  @Test
  void indentedString_escapesEndLeadingWhitespace() {
    assertEquals("  $a\nb", str("''\n    ''$a\n  b''"));
    assertEquals(" a\nb", str("''\n  ''\\ a\n  b''"));
  }

  @Test
  void indentedString_emptyForms() {
    assertEquals("", str("''''"));
    assertEquals("", str("''   ''"));
  }

  @Test
  void relativePaths_areResolvedAgainstBaseDirAndNormalised() {
    assertEquals("/base/dir/foo", ((Expr.PathLit) parse("./foo")).path());
    assertEquals("/base/bar", ((Expr.PathLit) parse("./foo/../../bar")).path());
    assertEquals("/base/dir/a/b", ((Expr.PathLit) parse("a/b")).path());
    assertEquals("/base/dir", ((Expr.PathLit) parse("./.")).path());
    assertEquals("/", ((Expr.PathLit) parse("/..")).path());
    assertEquals("/a/b", ((Expr.PathLit) parse("/a/./b")).path());
  }

  @Test
  void homePath_usesHomeDir() {
    assertEquals("/home/u/foo", ((Expr.PathLit) parse("~/foo")).path());
  }

  @Test
  void interpolatedPath_keepsTrailingSlashOfFirstSegment() {
    assertEquals("(/base/dir/a/ + b + \"/c\")", show("./a/${b}/c"));
    assertEquals("(/base/dir/a + b)", show("./a${b}"));
    assertEquals("(/home/u/ + b)", show("~/${b}"));
  }

  @Test
  void pathWithTrailingSlash_isAnError() {
    assertEquals("path has a trailing slash @1:6", where(fails("/a/b/ 1")));
  }

  @Test
  void searchPath_desugarsToFindFile() {
    assertEquals("(__findFile __nixPath \"nixpkgs/lib\")", show("<nixpkgs/lib>"));
  }

  @Test
  void uri_isAString() {
    assertEquals("http://example.org/foo?x=1", str("http://example.org/foo?x=1"));
  }

  @Test
  void curPos_isItsOwnNode() {
    assertInstanceOf(Expr.CurPos.class, parse("__curPos"));
  }

  // ---- functions ----

  @Test
  void lambdas_allForms() {
    assertEquals("(x: (y: x))", show("x: y: x"));
    assertEquals("({ a, b ? 1, ... }: a)", show("{ a, b ? 1, ... }: a"));
    assertEquals("({ a } @ args: args)", show("args@{ a }: args"));
    assertEquals("({ a } @ args: args)", show("{ a }@args: args"));
    assertEquals("({  }: 1)", show("{ }: 1"));
    assertEquals("({ ... }: 1)", show("{ ... }: 1"));
    assertEquals("({ a }: a)", show("{ a, }: a"));
  }

  @Test
  void atPatternName_isRecorded() {
    Expr.Lambda l = assertInstanceOf(Expr.Lambda.class, parse("{ a }@args: a"));
    assertEquals("args", l.param());
    assertEquals(1, l.formals().entries().size());
  }

  @Test
  void duplicateFormal_isAnErrorAtTheSecondOne() {
    assertEquals("duplicate formal function argument 'x' @1:8", where(fails("{x, y, x}: x")));
  }

  @Test
  void formalNamedLikeAtPattern_isAnError() {
    assertEquals("duplicate formal function argument 'x' @1:1", where(fails("x@{ x }: 1")));
    assertEquals("duplicate formal function argument 'x' @1:1", where(fails("{ x }@x: 1")));
  }

  @Test
  void setThatIsNotAPattern_needsColonAfterwards() {
    assertEquals(
        "syntax error, unexpected end of file, expecting ':' or '@' @1:6", where(fails("{ a }")));
  }

  // ---- sets and bindings ----

  @Test
  void attrSet_staticAndStringNames() {
    assertEquals("{ a = 1; b = 2; c = 3; }", show("{ a = 1; \"b\" = 2; ${\"c\"} = 3; }"));
  }

  @Test
  void nestedPaths_areMergedIntoNestedSets() {
    assertEquals("{ a = { b = { c = 1; d = 2; }; }; }", show("{ a.b.c = 1; a.b.d = 2; }"));
    Expr.AttrSet set = (Expr.AttrSet) parse("{ a.b.c = 1; a.b.d = 2; }");
    assertEquals(1, set.bindings().size());
    assertEquals(1, ((Expr.AttrDef) set.bindings().get(0)).path().size());
  }

  @Test
  void explicitSet_mergesWithPathDefinitions() {
    assertEquals("{ a = { b = 1; c = 2; }; }", show("{ a = { b = 1; }; a.c = 2; }"));
    assertEquals("{ a = { b = 1; c = 2; }; }", show("{ a.c = 2; a = { b = 1; }; }"));
  }

  @Test
  void recOfFirstDefinition_isKept_andLaterRecIsDropped() {
    assertEquals("{ a = rec { b = 1; c = 2; }; }", show("{ a = rec { b = 1; }; a.c = 2; }"));
    assertEquals("{ a = { b = 1; c = 2; }; }", show("{ a.c = 2; a = rec { b = 1; }; }"));
  }

  @Test
  void dynamicFirstName_keepsItsOwnBindingWithNestedSet() {
    assertEquals(
        "{ \"${a}\" = { b = 1; }; \"${a}\" = { c = 2; }; }", show("{ ${a}.b = 1; ${a}.c = 2; }"));
    assertEquals("{ a = { c = 2; \"${b}\" = 1; }; }", show("{ a.${b} = 1; a.c = 2; }"));
  }

  @Test
  void duplicateAttribute_isAnErrorWithBothPositions() {
    assertEquals(
        "attribute 'x' already defined at «string»:1:3 @1:10", where(fails("{ x = 1; x = 2; }")));
    assertEquals(
        "attribute 'a' already defined at «string»:1:3 @1:12", where(fails("{ a.b = 1; a = 2; }")));
    assertEquals(
        "attribute 'a.b' already defined at «string»:1:3 @1:12",
        where(fails("{ a.b = 1; a.b.c = 2; }")));
    assertEquals(
        "attribute 'a.b' already defined at «string»:1:9 @1:25",
        where(fails("{ a = { b = 1; }; a = { b = 2; }; }")));
  }

  @Test
  void nulInIndentedString_isReportedWithItsIndentation_atTheRunsStart() {
    assertEquals(
        "input string '  a\n  \u2400\n' cannot be represented as Nix string because it contains null bytes @2:1",
        where(fails("''\n  a\n  \0\n''")));
  }

  @Test
  void duplicateViaInherit_isAnError() {
    assertEquals(
        "attribute 'x' already defined at «string»:1:3 @1:18",
        where(fails("{ x = 1; inherit x; }")));
    assertEquals(
        "attribute 'x' already defined at «string»:1:11 @1:13", where(fails("{ inherit x x; }")));
  }

  @Test
  void staticInterpolatedName_countsForDuplicates() {
    assertEquals(
        "attribute 'a' already defined at «string»:1:3 @1:15",
        where(fails("{ ${\"a\"} = 1; a = 2; }")));
  }

  @Test
  void inherits_keepTheirGroups() {
    assertEquals("{ inherit a; inherit (b) c d; }", show("{ inherit a; inherit (b) c d; }"));
  }

  @Test
  void dynamicInherit_isAnError() {
    assertEquals(
        "dynamic attributes not allowed in inherit @1:11", where(fails("{ inherit ${a}; }")));
  }

  @Test
  void let_mergesPaths_andRejectsDynamicNames() {
    assertEquals("(let a = { b = 1; c = 2; }; in a)", show("let a.b = 1; a.c = 2; in a"));
    assertEquals("dynamic attributes not allowed in let @1:1", where(fails("let ${a} = 1; in 2")));
    assertEquals(
        "dynamic attributes not allowed in let @1:1", where(fails("let \"${\"a\"}\" = 1; in 2")));
  }

  @Test
  void legacyLet_isItsOwnNode() {
    assertEquals("(rec { a = 1; body = a; }).body", show("let { a = 1; body = a; }"));
  }

  @Test
  void withAssertIf() {
    assertEquals("(with a; b)", show("with a; b"));
    assertEquals("assert a; b", show("assert a; b"));
    assertEquals("(if a then b else c)", show("if a then b else c"));
  }

  @Test
  void lists_holdSelects() {
    assertEquals("[ (a) ((b).c) ((d e)) ]", show("[ a b.c (d e) ]"));
  }

  // ---- spans ----

  @Test
  void attrDefSpan_startsAtTheName() {
    Expr.AttrSet set = (Expr.AttrSet) parse("{\n  foo.bar = 1;\n}");
    Expr.AttrDef def = (Expr.AttrDef) set.bindings().get(0);
    assertEquals(2, def.span().line());
    assertEquals(3, def.span().column());
    Expr.AttrDef inner = (Expr.AttrDef) ((Expr.AttrSet) def.value()).bindings().get(0);
    assertEquals(3, inner.span().column());
    assertEquals(7, inner.path().get(0).span().column());
  }

  @Test
  void selectAndCallSpans_coverTheWholeExpression() {
    Expr.Call call = (Expr.Call) parse("f a.b c");
    assertEquals(0, call.span().start());
    assertEquals(7, call.span().end());
    Expr.Select sel = (Expr.Select) ((Expr.Call) call.function()).argument();
    assertEquals(2, sel.span().start());
    assertEquals(5, sel.span().end());
  }

  @Test
  void formalSpan_isAtItsName() {
    Expr.Lambda l = (Expr.Lambda) parse("{ a,\n  b ? 1 }: a");
    Expr.Formal b = l.formals().entries().get(1);
    assertEquals(2, b.span().line());
    assertEquals(3, b.span().column());
  }

  // ---- syntax errors ----

  @Test
  void unexpectedToken_isReportedAtItsPosition() {
    assertEquals(
        "syntax error, unexpected 'else', expecting 'then' @1:6", where(fails("if 1 else")));
    assertEquals(
        "syntax error, unexpected 'in', expecting ';' @3:1", where(fails("let\n  x = 1\nin x")));
    assertEquals(
        "syntax error, unexpected '...', expecting '.' or '=' @1:5", where(fails("{ a ... }")));
    assertEquals(
        "syntax error, unexpected 'if', expecting identifier or 'or' or '${' or '\"' @1:3",
        where(fails("a.if")));
  }

  @Test
  void endOfFile_isReportedAfterTheLastCharacter() {
    assertEquals("syntax error, unexpected end of file @3:1", where(fails("(\n# no content\n")));
    assertEquals(
        "syntax error, unexpected end of file, expecting '\"' @1:5", where(fails("\"abc")));
    assertEquals(
        "syntax error, unexpected end of file, expecting '\"' @1:6", where(fails("a 1\"$")));
  }

  @Test
  void leftoverTokens_expectEndOfFile() {
    assertEquals(
        "syntax error, unexpected invalid token, expecting end of file @1:5",
        where(fails("123 é 4")));
    assertEquals("syntax error, unexpected '&&' @1:1", where(fails("&& true")));
  }

  @Test
  void unterminatedComment_isASyntaxError() {
    assertEquals("syntax error, unexpected '*' @1:4", where(fails("1 /* abc")));
  }

  @Test
  void pipeOperator_isRejected() {
    assertTrue(
        fails("1 |> 2")
            .getMessage()
            .startsWith("experimental Nix feature 'pipe-operators' is disabled"));
  }

  // ---- variables ----

  @Test
  void undefinedVariable_isAParseError() {
    ParseException e = assertThrows(ParseException.class, () -> Parser.parse(src("x: y"), HOME));
    assertEquals("undefined variable 'y' @1:4", where(e));
  }

  @Test
  void variablesUnderWith_areNotChecked() {
    Parser.parse(src("with {}; y"), HOME);
  }

  @Test
  void builtinsAndConstants_areGlobal() {
    Parser.parse(src("[ true false null builtins map __add import __nixPath ]"), HOME);
    ParseException e = assertThrows(ParseException.class, () -> Parser.parse(src("__map"), HOME));
    assertEquals("undefined variable '__map' @1:1", where(e));
  }

  @Test
  void inheritWithoutSource_looksOutsideTheSet() {
    ParseException e =
        assertThrows(
            ParseException.class, () -> Parser.parse(src("rec { inherit b; c = 1; }"), HOME));
    assertEquals("undefined variable 'b' @1:15", where(e));
    Parser.parse(src("rec { a = b; b = 1; }"), HOME);
  }

  @Test
  void laterRecIsDropped_soItsNamesAreUndefined() {
    ParseException e =
        assertThrows(
            ParseException.class,
            () -> Parser.parse(src("{ a.b = 1; a = rec { c = d; d = 3; }; }"), HOME));
    assertEquals("undefined variable 'd' @1:26", where(e));
  }

  @Test
  void formalDefaults_seeOtherFormalsAndAtName() {
    Parser.parse(src("a@{ b ? a, c ? b }: c"), HOME);
  }

  @Test
  void customGlobals_replaceTheDefaultScope() {
    Parser.parse(src("foo"), HOME, Set.of("foo")::contains);
    assertThrows(
        ParseException.class, () -> Parser.parse(src("true"), HOME, Set.of("foo")::contains));
  }

  @Test
  void nullPredicate_skipsTheVariableCheck() {
    assertNull(((Expr.Lambda) Parser.parse(src("x: y"), HOME, null)).formals());
  }
}
