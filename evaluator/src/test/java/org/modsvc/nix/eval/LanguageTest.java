package org.modsvc.nix.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.modsvc.nix.builtins.NixTestSupport.eval;
import static org.modsvc.nix.builtins.NixTestSupport.evalError;
import static org.modsvc.nix.builtins.NixTestSupport.evalException;
import static org.modsvc.nix.builtins.NixTestSupport.evalLazy;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.error.InfiniteRecursion;

/**
 * The language constructs, one behaviour per test: bindings, attribute sets, functions, operators
 * and their precedence, strings and paths, assertions and errors. Expected values were checked with
 * {@code nix-instantiate --eval --strict}; error wording follows current Nix (the conformance
 * corpus).
 */
class LanguageTest {
  // ------------------------------------------------------------------ let, rec, with, inherit

  @Test
  void let_constantDynamicNameIsStatic() {
    assertEquals("1", eval("let ${\"a\"} = 1; in a"));
  }

  @Test
  void let_bindsMutuallyRecursiveNames() {
    assertEquals("3", eval("let a = b + 1; b = 2; in a"));
  }

  @Test
  void let_bindingsAreLazy() {
    assertEquals("1", eval("let a = throw \"unused\"; b = 1; in b"));
  }

  @Test
  void let_rejectsDuplicateBinding() {
    assertEquals(
        "attribute 'a' already defined at «test»:1:5", evalError("let a = 1; a = 2; in a"));
  }

  @Test
  void let_rejectsDynamicAttribute() {
    assertEquals(
        "dynamic attributes not allowed in let", evalError("let ${\"a\" + \"\"} = 1; in a"));
  }

  @Test
  void letBody_legacyLetAttrSet() {
    assertEquals("2", eval("let { x = 1; body = x + 1; }"));
  }

  @Test
  void rec_attrsSeeEachOther() {
    assertEquals("{ a = 1; b = 2; }", eval("rec { a = 1; b = a + 1; }"));
  }

  @Test
  void nonRec_attrsDoNotSeeEachOther() {
    assertEquals("undefined variable 'a'", evalError("{ a = 1; b = a; }"));
  }

  @Test
  void rec_overridesAttrReplacesValuesAlsoFromInside() {
    assertEquals(
        "{ __overrides = { a = 10; }; a = 10; b = 11; }",
        eval("rec { a = 1; b = a + 1; __overrides = { a = 10; }; }"));
  }

  /**
   * Variables read from every depth up to 11 frames, in slot 0 (a plain function's argument) and in
   * later slots (let bindings), as selection targets, call functions and arguments, and under
   * `with`: reads walk two frames per step (Env.up2), so odd and even depths take different paths.
   */
  @Test
  void variables_areFoundAtEveryFrameDepth() {
    StringBuilder src = new StringBuilder();
    StringBuilder sum = new StringBuilder("0");
    for (int d = 0; d < 12; d++) {
      src.append("let s")
          .append(d)
          .append(" = { v = ")
          .append(d)
          .append("; }; f")
          .append(d)
          .append(" = y: y + ")
          .append(d)
          .append("; in a")
          .append(d)
          .append(": ");
      sum.append(" + a")
          .append(d)
          .append(" + s")
          .append(d)
          .append(".v + f")
          .append(d)
          .append(" a")
          .append(d)
          .append(" + (if s")
          .append(d)
          .append(" ? v then 1 else 100)");
    }
    src.append("with { w = 5; }; w + ").append(sum);
    StringBuilder call = new StringBuilder("(").append(src).append(")");
    for (int d = 0; d < 12; d++) call.append(" ").append(d * 10);
    // Per depth d: a = 10d, s.v = d, f a = 10d + d, the `?` gives 1: 22d + 1; summed over d =
    // 0..11, plus w.
    int expected = 5;
    for (int d = 0; d < 12; d++) expected += 22 * d + 1;
    assertEquals(String.valueOf(expected), eval(call.toString()));
  }

  @Test
  void with_bringsAttrsIntoScope() {
    assertEquals("3", eval("with { a = 1; b = 2; }; a + b"));
  }

  @Test
  void with_lexicalBindingsWin() {
    assertEquals("1", eval("let a = 1; in with { a = 2; }; a"));
  }

  @Test
  void with_innermostWithWins() {
    assertEquals("2", eval("with { a = 1; }; with { a = 2; }; a"));
  }

  @Test
  void with_isLazyInItsSet() {
    assertEquals("1", eval("let x = 1; in with throw \"never\"; x"));
  }

  @Test
  void with_rejectsNonSet() {
    assertEquals("expected a set but found an integer: 1", evalError("with 1; x"));
  }

  @Test
  void with_undefinedVariableReportedWhenMissing() {
    assertEquals("undefined variable 'c'", evalError("with { a = 1; }; c"));
  }

  @Test
  void inherit_copiesFromScope() {
    assertEquals("{ a = 1; }", eval("let a = 1; in { inherit a; }"));
  }

  @Test
  void inherit_inRecDoesNotSelfReference() {
    assertEquals("{ a = 1; }", eval("let a = 1; in rec { inherit a; }"));
  }

  @Test
  void inheritFrom_selectsFromExpression() {
    assertEquals(
        "{ a = 1; b = 2; }", eval("let s = { a = 1; b = 2; c = 3; }; in { inherit (s) a b; }"));
  }

  @Test
  void inheritFrom_isLazy() {
    assertEquals("[ \"a\" ]", eval("builtins.attrNames { inherit (throw \"lazy\") a; }"));
  }

  @Test
  void inheritFrom_missingAttributeFailsWhenForced() {
    assertEquals("attribute 'b' missing", evalError("{ inherit ({ a = 1; }) b; }.b"));
  }

  @Test
  void inherit_undefinedVariable() {
    assertEquals("undefined variable 'zz'", evalError("{ inherit zz; }"));
  }

  // ------------------------------------------------------------------ attribute sets

  @Test
  void attrs_nestedPathsMerge() {
    assertEquals("{ a = { b = 1; c = 2; }; }", eval("{ a.b = 1; a.c = 2; }"));
  }

  @Test
  void attrs_duplicateAttributeRejected() {
    assertEquals("attribute 'a' already defined at «test»:1:3", evalError("{ a = 1; a = 2; }"));
  }

  @Disabled(
      "bug: the duplicate is reported as 'a'; Nix names the whole attribute path being defined "
          + "(parser-state.hh dupAttr(attrPath, …)), as in corpus parse-fail-mixed-nested-attrs1")
  @Test
  void attrs_nestedPathOverNonSetNamesFullPath() {
    assertEquals("attribute 'a.b' already defined at «test»:1:3", evalError("{ a = 1; a.b = 2; }"));
  }

  @Test
  void attrs_dynamicNames() {
    assertEquals("{ ab = 1; c = 2; }", eval("let x = \"a\"; in { ${x + \"b\"} = 1; \"c\" = 2; }"));
  }

  @Test
  void attrs_dynamicNullNameIsSkipped() {
    assertEquals("{ }", eval("{ ${null} = 1; }"));
  }

  @Test
  void attrs_dynamicDuplicateRejected() {
    assertEquals(
        "dynamic attribute 'a' already defined at «test»:1:3",
        evalError("{ a = 1; ${\"a\" + \"\"} = 2; }"));
  }

  @Test
  void attrs_dynamicNameMustBeString() {
    assertEquals("expected a string but found an integer: 1", evalError("{ ${1} = 1; }"));
  }

  @Test
  void select_missingAttribute() {
    assertEquals("attribute 'b' missing", evalError("{ a = 1; }.b"));
  }

  @Test
  void select_fromNonSet() {
    assertEquals("expected a set but found an integer: 1", evalError("(1).a"));
  }

  @Test
  void selectOr_usesDefaultWhenMissing() {
    assertEquals("[ 2 3 1 ]", eval("[ ({ a = 1; }.b or 2) ({ }.a.b.c or 3) ({ a = 1; }.a or 4) ]"));
  }

  @Test
  void selectOr_usesDefaultWhenIntermediateIsNotASet() {
    assertEquals("5", eval("{ a = 1; }.a.b or 5"));
  }

  @Test
  void selectOr_doesNotCatchErrorsInValue() {
    assertEquals("inner", evalError("{ a = throw \"inner\"; }.a.b or 1"));
  }

  @Test
  void hasAttr_operator() {
    assertEquals(
        "[ true false true false false ]",
        eval(
            "[ ({ a = 1; } ? a) ({ a = 1; } ? b) ({ a.b = 1; } ? a.b) ({ a = 1; } ? a.b) (1 ? a) ]"));
  }

  @Test
  void hasAttr_dynamicName() {
    assertEquals("true", eval("let n = \"a\"; in { a = 1; } ? ${n}"));
  }

  @Test
  void update_rightWins() {
    assertEquals("{ a = 1; b = 3; c = 4; }", eval("{ a = 1; b = 2; } // { b = 3; c = 4; }"));
  }

  @Test
  void update_rejectsNonSet() {
    assertEquals("expected a set but found a list: [ ]", evalError("{ } // [ ]"));
  }

  @Test
  void attrs_printedSortedByName() {
    assertEquals("{ a = 1; b = 2; z = 3; }", eval("{ z = 3; b = 2; a = 1; }"));
  }

  // ------------------------------------------------------------------ functions

  @Test
  void lambda_simpleArgument() {
    assertEquals("3", eval("(x: x + 1) 2"));
  }

  @Test
  void lambda_curried() {
    assertEquals("5", eval("(x: y: x + y) 2 3"));
  }

  @Test
  void lambda_formalsWithDefaults() {
    assertEquals("[ 1 5 ]", eval("let f = { a, b ? 5 }: [ a b ]; in f { a = 1; }"));
  }

  @Test
  void lambda_defaultsSeeOtherFormals() {
    assertEquals("3", eval("({ a, b ? a + 1 }: b) { a = 2; }"));
  }

  @Test
  void lambda_missingRequiredArgument() {
    assertEquals(
        "function 'anonymous lambda' called without required argument 'a'",
        evalError("({ a }: a) { }"));
  }

  @Test
  void lambda_namedFromLetBinding() {
    assertEquals(
        "function 'f' called without required argument 'a'",
        evalError("let f = { a }: a; in f { }"));
  }

  @Test
  void lambda_unexpectedArgument() {
    assertEquals(
        "function 'anonymous lambda' called with unexpected argument 'b'",
        evalError("({ a }: a) { a = 1; b = 2; }"));
  }

  @Test
  void lambda_ellipsisAcceptsExtraArguments() {
    assertEquals("1", eval("({ a, ... }: a) { a = 1; b = 2; }"));
  }

  @Test
  void lambda_atPatternBindsWholeArgument() {
    assertEquals("[ 1 2 ]", eval("(args@{ a, ... }: [ a args.b ]) { a = 1; b = 2; }"));
  }

  @Test
  void lambda_atPatternBeforeOrAfter() {
    assertEquals("[ 1 1 ]", eval("[ (({ a }@s: s.a) { a = 1; }) ((s@{ a }: a) { a = 1; }) ]"));
  }

  @Test
  void lambda_atPatternDoesNotIncludeDefaults() {
    assertEquals("false", eval("(s@{ a ? 1 }: s ? a) { }"));
  }

  @Test
  void lambda_formalsRejectNonSet() {
    assertEquals("expected a set but found an integer: 1", evalError("({ a }: a) 1"));
  }

  @Test
  void lambda_argumentIsLazy() {
    assertEquals("1", eval("(x: 1) (throw \"lazy\")"));
  }

  @Test
  void call_nonFunction() {
    assertEquals(
        "attempt to call something which is not a function but an integer: 1", evalError("1 2"));
  }

  @Test
  void functor_makesSetCallable() {
    assertEquals("6", eval("let f = { n = 2; __functor = self: x: self.n * x; }; in f 3"));
  }

  @Test
  void functor_worksWithBuiltins() {
    assertEquals("[ 2 4 ]", eval("map { __functor = self: x: x * 2; } [ 1 2 ]"));
  }

  @Test
  void lambda_printedAsLambda() {
    assertEquals("<LAMBDA>", eval("x: x"));
  }

  @Test
  void recursion_deepCallsHitMaxCallDepth() {
    assertEquals(
        "stack overflow; max-call-depth exceeded", evalError("let f = x: f x + 1; in f 0"));
  }

  // ------------------------------------------------------------------ operators and precedence

  @Test
  void arithmetic_integerAndFloat() {
    assertEquals(
        "[ 7 -1 12 2 3.5 2.5 ]", eval("[ (3 + 4) (3 - 4) (3 * 4) (7 / 3) (7 / 2.0) (1 + 1.5) ]"));
  }

  @Test
  void arithmetic_precedenceMulOverAdd() {
    assertEquals("[ 7 9 -5 ]", eval("[ (1 + 2 * 3) ((1 + 2) * 3) (-2 - 3) ]"));
  }

  @Test
  void arithmetic_subtractionIsLeftAssociative() {
    assertEquals("4", eval("10 - 5 - 1"));
  }

  @Test
  void arithmetic_divisionByZero() {
    assertEquals("division by zero", evalError("1 / 0"));
  }

  @Test
  void arithmetic_overflow() {
    assertEquals(
        "integer overflow in adding 9223372036854775807 + 1", evalError("9223372036854775807 + 1"));
  }

  @Test
  void arithmetic_rejectsString() {
    assertEquals("expected an integer but found a string: \"a\"", evalError("1 - \"a\""));
  }

  @Test
  void plus_cannotAddStringToInteger() {
    assertEquals("cannot add a string to an integer", evalError("1 + \"a\""));
  }

  @Test
  void negation_ofNumbers() {
    assertEquals("[ -1 -1.5 1 ]", eval("[ (-1) (-1.5) (-(-1)) ]"));
  }

  @Test
  void comparison_operators() {
    assertEquals(
        "[ true true false true true ]",
        eval("[ (1 < 2) (2 <= 2) (1 > 2) (2 >= 1.5) (\"a\" < \"b\") ]"));
  }

  @Test
  void comparison_listsLexicographically() {
    assertEquals("[ true true ]", eval("[ ([ 1 2 ] < [ 1 3 ]) ([ 1 ] < [ 1 0 ]) ]"));
  }

  @Test
  void comparison_rejectsMixedTypes() {
    assertEquals(
        "cannot compare an integer with a string; values are 1 and \"foo\"",
        evalError("1 < \"foo\""));
  }

  @Test
  void equality_deepAndNumeric() {
    assertEquals(
        "[ true true false true true false ]",
        eval(
            "[ (1 == 1.0) ([ 1 { a = 2; } ] == [ 1 { a = 2; } ]) ({ a = 1; } == { a = 2; }) (null == null) (\"a\" != \"b\") ((x: x) == (x: x)) ]"));
  }

  @Test
  void equality_stringsIgnoreContextAndPathsAreNotStrings() {
    assertEquals("[ false true ]", eval("[ (./a == \"/tmp/a\") (./a == /tmp/a) ]"));
  }

  @Test
  void equality_derivationsCompareByOutPath() {
    assertEquals(
        "true",
        eval(
            "{ type = \"derivation\"; outPath = \"x\"; a = 1; } == { type = \"derivation\"; outPath = \"x\"; a = 2; }"));
  }

  @Test
  void logic_shortCircuits() {
    assertEquals(
        "[ false true true ]",
        eval("[ (false && throw \"no\") (true || throw \"no\") (false -> throw \"no\") ]"));
  }

  @Test
  void logic_precedenceAndOverOrOverImplication() {
    assertEquals("[ true true ]", eval("[ (true || false && false) (false -> false || true) ]"));
  }

  @Test
  void logic_rejectsNonBoolean() {
    assertEquals("expected a Boolean but found an integer: 1", evalError("1 && true"));
  }

  @Test
  void not_negates() {
    assertEquals("[ false true ]", eval("[ (!true) (!(1 == 2)) ]"));
  }

  @Test
  void not_rejectsNonBoolean() {
    assertEquals("expected a Boolean but found null: null", evalError("!null"));
  }

  @Test
  void concat_lists() {
    assertEquals("[ 1 2 3 ]", eval("[ 1 ] ++ [ 2 ] ++ [ 3 ]"));
  }

  @Test
  void concat_rejectsNonList() {
    assertEquals("expected a list but found an integer: 1", evalError("[ 1 ] ++ 1"));
  }

  @Test
  void precedence_concatBindsTighterThanUpdateAndApplication() {
    assertEquals(
        "[ [ 1 2 ] { a = 2; } 3 ]",
        eval("[ ([ 1 ] ++ [ 2 ]) ({ a = 1; } // { a = 2; }) (builtins.length [ 1 2 ] + 1) ]"));
  }

  @Test
  void precedence_hasAttrBindsTighterThanNot() {
    assertEquals("true", eval("!{ } ? a"));
  }

  @Test
  void precedence_selectBindsTighterThanApplication() {
    assertEquals("2", eval("(x: x.a + 1) { a = 1; }"));
  }

  // ------------------------------------------------------------------ strings and paths

  @Test
  void string_interpolation() {
    assertEquals("\"a1b\"", eval("let x = \"1\"; in \"a${x}b\""));
  }

  @Test
  void string_interpolationCoercesOutPathButNotIntegers() {
    assertEquals("cannot coerce an integer to a string: 1", evalError("\"${1}\""));
  }

  @Test
  void string_escapes() {
    assertEquals("\"a\\nb\\t\\\"c\\\\ $ \\${\"", eval("\"a\\nb\\t\\\"c\\\\ $ \\${\""));
  }

  @Test
  void indentedString_stripsIndentation() {
    assertEquals("\"a\\n  b\\n\"", eval("''\n    a\n      b\n  ''"));
  }

  @Test
  void indentedString_escapes() {
    assertEquals("\"\\${x} '' $\\n\"", eval("''\n  ''${x} ''' $''\\n''"));
  }

  @Test
  void string_concatenation() {
    assertEquals("\"ab\"", eval("\"a\" + \"b\""));
  }

  @Test
  void path_relativeResolvesAgainstBaseDir() {
    assertEquals("/tmp/a/b", eval("./a/b"));
  }

  @Test
  void path_plusStringStaysPath() {
    assertEquals(
        "[ /tmp/ab \"path\" ]", eval("[ (./a + \"b\") (builtins.typeOf (./a + \"/b\")) ]"));
  }

  @Test
  void path_normalisesDotDot() {
    assertEquals("/tmp/b", eval("./a/../b"));
  }

  @Disabled(
      "bug: `/a/b//c` is accepted as /a/b/c; Nix's lexer ends the path at the trailing slash and the "
          + "grammar rejects the rest (syntax error)")
  @Test
  void path_doubleSlashIsSyntaxError() {
    assertTrue(evalError("/a/b//c").startsWith("syntax error"));
  }

  @Test
  void path_interpolationInPath() {
    assertEquals("/tmp/x/y", eval("let n = \"y\"; in ./x/${n}"));
  }

  @Test
  void string_plusPathCopiesPathToStore() {
    assertEquals(
        "path '/tmp/modsvc-surely-missing' does not exist",
        evalError("\"a\" + /tmp/modsvc-surely-missing"));
  }

  @Test
  void path_homeRelative() {
    assertTrue(eval("builtins.typeOf ~/x").equals("\"path\""));
  }

  @Test
  void uri_isString() {
    assertEquals("\"http://example.com/a\"", eval("http://example.com/a"));
  }

  @Test
  void curPos_givesFileLineColumn() {
    assertEquals("{ column = 5; file = \"«test»\"; line = 2; }", eval("\n    __curPos"));
  }

  // ------------------------------------------------------------------ conditionals, assertions,
  // errors

  @Test
  void if_choosesBranch() {
    assertEquals("[ 1 2 ]", eval("[ (if true then 1 else 2) (if 1 > 2 then 1 else 2) ]"));
  }

  @Test
  void if_onlyEvaluatesChosenBranch() {
    assertEquals("1", eval("if true then 1 else throw \"no\""));
  }

  @Test
  void if_rejectsNonBooleanCondition() {
    assertEquals("expected a Boolean but found an integer: 1", evalError("if 1 then 2 else 3"));
  }

  @Test
  void assert_passesThrough() {
    assertEquals("1", eval("assert 1 == 1; 1"));
  }

  @Test
  void assert_failureNamesTheCondition() {
    assertEquals("assertion 'false' failed", evalError("assert false; 1"));
  }

  @Test
  void assert_equalityFailureExplainsDifference() {
    assertEquals(
        "string '\"x\"' is not equal to string '\"y\"'", evalError("assert \"x\" == \"y\"; 1"));
  }

  @Test
  void assert_equalityFailureExplainsDerivationsByOutPathOnly() {
    assertEquals(
        "string '\"/nix/store/0\"' is not equal to string '\"/nix/store/1\"'",
        evalError(
            "assert { d = { type = \"derivation\"; outPath = \"/nix/store/0\"; a = abort \"forced\"; }; }"
                + " == { d = { type = \"derivation\"; outPath = \"/nix/store/1\"; a = abort \"forced\"; }; }; 1"));
  }

  @Test
  void assert_failureIsCatchable() {
    assertTrue(((EvalException) evalException("assert false; 1")).isCatchable());
  }

  @Test
  void assert_rejectsNonBooleanCondition() {
    assertEquals("expected a Boolean but found an integer: 1", evalError("assert 1; 1"));
  }

  @Test
  void infiniteRecursion_detected() {
    RuntimeException e = evalException("let x = x + 1; in x");
    assertInstanceOf(InfiniteRecursion.class, e);
    assertEquals("infinite recursion encountered", e.getMessage());
  }

  @Test
  void infiniteRecursion_inRecAttrs() {
    assertEquals("infinite recursion encountered", evalError("(rec { a = b; b = a; }).a"));
  }

  @Test
  void infiniteRecursion_isNotCatchable() {
    assertFalse(
        ((EvalException) evalException("builtins.tryEval (let x = x; in x)")).isCatchable());
  }

  @Test
  void tryEval_catchesOnlyThrowAndAssert() {
    assertEquals(
        "[ false false ]",
        eval(
            "[ (builtins.tryEval (throw \"t\")).success (builtins.tryEval (assert false; 1)).success ]"));
  }

  @Test
  void tryEval_doesNotCatchUndefinedAttribute() {
    assertEquals("attribute 'x' missing", evalError("builtins.tryEval ({ }).x"));
  }

  @Test
  void tryEval_doesNotCatchAbort() {
    assertEquals(
        "evaluation aborted with the following error message: 'a'",
        evalError("builtins.tryEval (abort \"a\")"));
  }

  @Test
  void undefinedVariable_isReportedBeforeEvaluation() {
    assertEquals("undefined variable 'nope'", evalError("if true then 1 else nope"));
  }

  @Test
  void parseError_isReported() {
    assertTrue(evalError("{ a = ; }").startsWith("syntax error"), evalError("{ a = ; }"));
  }

  // ------------------------------------------------------------------ laziness and printing

  @Test
  void lists_areLazyInElements() {
    assertEquals("1", eval("builtins.length [ (throw \"lazy\") ]"));
  }

  @Test
  void printing_nonStrictShowsUnevaluatedCode() {
    assertEquals("[ <CODE> ]", evalLazy("[ (1 + 1) ]"));
  }

  @Test
  void printing_repeatedValues() {
    assertEquals("[ [ 1 ] «repeated» ]", eval("let x = [ 1 ]; in [ x x ]"));
  }

  @Test
  void floats_printedShortest() {
    assertEquals("[ 0.1 1e+20 3 ]", eval("[ 0.1 1.0e20 3.0 ]"));
  }

  // ------------------------------------------------------------------ evaluation shortcuts stay
  // exact

  @Test
  void selectOr_answersSetsOfOneLayoutWithOrWithoutTheName() {
    assertEquals(
        "[ 0 0 5 0 ]",
        eval("let mk = x: { a = x; }; in map (s: s.b or 0) [ (mk 1) (mk 2) { b = 5; } (mk 3) ]"));
  }

  @Test
  void hasAttr_dynamicNameIsCheckedAgainEveryTime() {
    assertEquals(
        "[ false true false ]",
        eval("let s = { a = 1; }; in map (n: s ? ${n}) [ \"b\" \"a\" \"c\" ]"));
  }

  @Test
  void formalDefault_usedOnlyForArgumentSetsWithoutTheName() {
    assertEquals(
        "[ 0 2 0 ]",
        eval(
            "let f = { a ? 0, ... }: a; mk = x: { b = x; }; in [ (f (mk 1)) (f { a = 2; }) (f (mk 3)) ]"));
  }

  @Test
  void nestedSetInLet_inheritsABindingDefinedLater() {
    assertEquals("1", eval("let a = { inherit c; }; c = 1; in a.c"));
  }

  @Test
  void nestedSetInFormalDefault_inheritsALaterFormal() {
    assertEquals("2", eval("({ a ? { inherit b; }, b ? 2 }: a.b) { }"));
  }

  @Test
  void setArgument_valuesStayUnevaluated() {
    assertEquals("1", eval("(s: builtins.length (builtins.attrNames s)) { a = throw \"lazy\"; }"));
  }

  @Test
  void setArgument_withDynamicNameIsEvaluatedOnlyWhenUsed() {
    assertEquals("1", eval("(s: 1) { ${throw \"lazy\"} = 2; }"));
  }

  @Test
  void curriedCall_bindsBothArguments() {
    assertEquals("[ 3 5 ]", eval("let f = x: y: x + y; in [ (f 1 2) (f 2 3) ]"));
  }

  @Test
  void curriedCall_errorTracesTheInnerFunction() {
    EvalException e = (EvalException) evalException("let f = x: y: x + y; in f 1 \"a\"");
    assertEquals("cannot add a string to an integer", e.getMessage());
    assertTrue(
        e.trace().stream().anyMatch(t -> t.message().equals("while calling anonymous lambda")),
        e.trace().toString());
  }

  @Test
  void variable_failingBindingFailsAgainOnEveryRead() {
    assertEquals(
        "[ false false ]",
        eval(
            "let x = throw \"a\"; in [ (builtins.tryEval x).success (builtins.tryEval x).success ]"));
  }

  @Test
  void variable_evaluatedOnceThenReadAgain() {
    assertEquals("[ 2 2 3 ]", eval("let x = 1 + 1; f = y: [ x y (x + 1) ]; in f x"));
  }
}
