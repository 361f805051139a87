package org.modsvc.nix.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.modsvc.nix.builtins.NixTestSupport.eval;
import static org.modsvc.nix.builtins.NixTestSupport.evalError;
import static org.modsvc.nix.builtins.NixTestSupport.evalException;
import static org.modsvc.nix.builtins.NixTestSupport.stderrOf;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.modsvc.nix.error.EvalException;

/** Types, control flow, errors, tracing, reflection and the evaluation-wide constants. */
class CoreBuiltinsTest {
  @Test
  void typeOf_namesEveryType() {
    assertEquals(
        "[ \"int\" \"float\" \"bool\" \"string\" \"path\" \"null\" \"list\" \"set\" \"lambda\" \"lambda\" \"lambda\" ]",
        eval(
            "map builtins.typeOf [ 1 1.0 true \"s\" ./p null [ ] { } (x: x) builtins.map (builtins.map (x: x)) ]"));
  }

  @Test
  void isPredicates_matchOnlyTheirType() {
    assertEquals(
        "[ true false true false true false true false true false true false true false true false true false ]",
        eval(
            "[ (builtins.isAttrs { }) (builtins.isAttrs [ ]) (builtins.isBool false) (builtins.isBool null) "
                + "(builtins.isFloat 1.5) (builtins.isFloat 1) (builtins.isFunction builtins.head) (builtins.isFunction { }) "
                + "(builtins.isInt 1) (builtins.isInt 1.0) (builtins.isList [ ]) (builtins.isList { }) (isNull null) (isNull 0) "
                + "(builtins.isPath ./a) (builtins.isPath \"/a\") (builtins.isString \"\") (builtins.isString ./a) ]"));
  }

  @Test
  void isString_forcesItsArgument() {
    assertEquals("boom", evalError("builtins.isString (throw \"boom\")"));
  }

  @Test
  void seq_forcesFirstArgumentShallowly() {
    assertEquals(
        "[ 2 \"boom\" ]",
        eval(
            "[ (builtins.seq [ (throw \"deep\") ] 2) "
                + "(let r = builtins.tryEval (builtins.seq (throw \"boom\") 2); in if r.success then 0 else \"boom\") ]"));
  }

  @Test
  void seq_propagatesError() {
    assertEquals("boom", evalError("builtins.seq (throw \"boom\") 1"));
  }

  @Test
  void deepSeq_forcesNestedValues() {
    assertEquals("deep", evalError("builtins.deepSeq { a = [ (throw \"deep\") ]; } 1"));
  }

  @Test
  void deepSeq_returnsSecondArgument() {
    assertEquals("2", eval("builtins.deepSeq { a = [ 1 ]; } 2"));
  }

  @Test
  void deepSeq_terminatesOnCycles() {
    assertEquals("1", eval("let x = { inherit x; }; in builtins.deepSeq x 1"));
  }

  @Test
  void throw_raisesMessage() {
    assertEquals("kaboom", evalError("throw \"kaboom\""));
  }

  @Test
  void throw_rejectsNonCoercibleMessage() {
    assertEquals("cannot coerce a set to a string: { }", evalError("throw { }"));
  }

  @Test
  void throw_rejectsIntegerMessage() {
    assertEquals("cannot coerce an integer to a string: 1", evalError("throw 1"));
  }

  @Test
  void abort_rejectsIntegerMessage() {
    assertEquals("cannot coerce an integer to a string: 1", evalError("abort 1"));
  }

  @Test
  void throw_isCatchable() {
    assertTrue(((EvalException) evalException("throw \"x\"")).isCatchable());
  }

  @Test
  void abort_raisesUncatchableError() {
    EvalException e = (EvalException) evalException("builtins.tryEval (abort \"foo\")");
    assertEquals("evaluation aborted with the following error message: 'foo'", e.getMessage());
    assertFalse(e.isCatchable());
  }

  @Test
  void tryEval_returnsValueOnSuccess() {
    assertEquals("{ success = true; value = 1; }", eval("builtins.tryEval 1"));
  }

  @Test
  void tryEval_catchesThrow() {
    assertEquals("{ success = false; value = false; }", eval("builtins.tryEval (throw \"x\")"));
  }

  @Test
  void tryEval_catchesFailedAssert() {
    assertEquals("{ success = false; value = false; }", eval("builtins.tryEval (assert false; 1)"));
  }

  @Test
  void tryEval_doesNotCatchTypeErrors() {
    assertEquals("cannot add a string to an integer", evalError("builtins.tryEval (1 + \"a\")"));
  }

  @Test
  void tryEval_doesNotCatchMissingAttribute() {
    assertEquals("attribute 'b' missing", evalError("builtins.tryEval { a = 1; }.b"));
  }

  @Test
  void tryEval_isShallow() {
    assertEquals("true", eval("(builtins.tryEval [ (throw \"x\") ]).success"));
  }

  @Test
  void trace_printsToStderrAndReturnsSecond() {
    assertEquals(
        "trace: hello\ntrace: { a = 1; }\n",
        stderrOf("builtins.trace \"hello\" (builtins.trace { a = 1; } 2)").replace("\r", ""));
  }

  @Test
  void trace_returnsSecondArgument() {
    assertEquals(
        "2",
        eval(
            NixTestSupport.newState(
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream())),
            "builtins.trace \"x\" 2"));
  }

  @Test
  void traceVerbose_returnsSecondArgument() {
    assertEquals("2", eval("builtins.traceVerbose \"x\" 2"));
  }

  @Test
  void warn_printsWarning() {
    assertEquals(
        "evaluation warning: careful\n", stderrOf("builtins.warn \"careful\" 1").replace("\r", ""));
  }

  @Test
  void warn_rejectsNonString() {
    assertEquals("expected a string but found an integer: 1", evalError("builtins.warn 1 2"));
  }

  @Test
  void break_returnsArgument() {
    assertEquals("3", eval("builtins.break 3"));
  }

  @Test
  void addErrorContext_returnsValueWhenNoError() {
    assertEquals("1", eval("builtins.addErrorContext \"ctx\" 1"));
  }

  @Test
  void addErrorContext_addsTraceFrame() {
    EvalException e =
        (EvalException)
            evalException("builtins.addErrorContext \"while doing X\" (throw \"inner\")");
    assertEquals("inner", e.getMessage());
    assertTrue(
        e.trace().stream().anyMatch(f -> f.message().equals("while doing X")),
        e.trace().toString());
  }

  @Test
  void errorLeavingABuiltin_namesItAtTheCallSite_asNixDoes() {
    EvalException e = (EvalException) evalException("let f = l: builtins.head l; in\n  f [ ]");
    List<String> frames =
        e.trace().stream()
            .map(f -> f.message() + " @" + f.span().line() + ":" + f.span().column())
            .toList();
    assertEquals("while calling the 'head' builtin @1:12", frames.get(0), frames.toString());
    EvalException thrown = (EvalException) evalException("builtins.map (x: throw \"no\") [ 1 ]");
    assertEquals(
        List.of("while calling the 'throw' builtin", "while calling anonymous lambda"),
        thrown.trace().stream()
            .map(EvalException.TraceFrame::message)
            .filter(m -> m.startsWith("while calling"))
            .limit(2)
            .toList(),
        "one frame per builtin, throw's included once");
  }

  @Test
  void wrongTypeOfArgument_namesTheArgument_thenTheBuiltin_asNixDoes() {
    assertEquals(
        List.of(
            "while evaluating the second argument passed to builtins.catAttrs",
            "while calling the 'catAttrs' builtin"),
        messages((EvalException) evalException("builtins.catAttrs \"a\" 1")));
    assertEquals(
        "while evaluating the argument passed to builtins.attrNames",
        messages((EvalException) evalException("builtins.attrNames 1")).get(0));
    assertEquals(
        "while evaluating the third argument passed to builtins.foldlStrict",
        messages((EvalException) evalException("builtins.foldl' (a: b: a) 0 1")).get(0));
    // A value that fails inside a function a builtin calls is not that builtin's argument, even
    // when equal to one.
    List<String> nested =
        messages(
            (EvalException) evalException("builtins.foldl' (a: x: builtins.length x) 1 [ 1 ]"));
    assertEquals(
        "while evaluating the first argument passed to builtins.length",
        nested.get(0),
        nested.toString());
    assertTrue(nested.contains("while calling the 'foldl'' builtin"), nested.toString());
    assertTrue(
        nested.stream().noneMatch(m -> m.contains("builtins.foldlStrict")), nested.toString());
  }

  private static List<String> messages(EvalException e) {
    return e.trace().stream().map(EvalException.TraceFrame::message).toList();
  }

  @Test
  void addErrorContext_addsNoBuiltinFrameOfItsOwn() {
    EvalException e =
        (EvalException)
            evalException("builtins.addErrorContext \"while doing X\" (throw \"inner\")");
    assertTrue(
        e.trace().stream().noneMatch(f -> f.message().contains("'addErrorContext' builtin")),
        e.trace().toString());
  }

  @Test
  void functionArgs_reportsDefaults() {
    assertEquals("{ x = false; y = true; }", eval("builtins.functionArgs ({ x, y ? 1, ... }: x)"));
  }

  @Test
  void functionArgs_emptyForPlainLambdaAndBuiltin() {
    assertEquals(
        "[ { } { } ]",
        eval("[ (builtins.functionArgs (x: x)) (builtins.functionArgs builtins.head) ]"));
  }

  @Test
  void functionArgs_rejectsNonFunction() {
    assertEquals("'functionArgs' requires a function", evalError("builtins.functionArgs 1"));
  }

  @Test
  void getEnv_emptyForUnsetVariable() {
    assertEquals("\"\"", eval("builtins.getEnv \"MODSVC_SURELY_UNSET_VARIABLE_12345\""));
  }

  @Test
  void getEnv_rejectsNonString() {
    assertEquals("expected a string but found an integer: 1", evalError("builtins.getEnv 1"));
  }

  @Test
  void unsafeGetAttrPos_givesPosition() {
    assertEquals(
        "{ column = 5; file = \"«test»\"; line = 2; }",
        eval("builtins.unsafeGetAttrPos \"a\" {\n    a = 1; }"));
  }

  @Test
  void unsafeGetAttrPos_nullWhenMissing() {
    assertEquals("null", eval("builtins.unsafeGetAttrPos \"b\" { a = 1; }"));
  }

  @Test
  void unsafeGetAttrPos_rejectsNonSet() {
    assertEquals(
        "expected a set but found an integer: 1", evalError("builtins.unsafeGetAttrPos \"a\" 1"));
  }

  @Test
  void genericClosure_collectsUniqueKeys() {
    assertEquals(
        "[ 1 2 3 4 6 5 8 ]",
        eval(
            "map (e: e.key) (builtins.genericClosure { startSet = [ { key = 1; } ]; "
                + "operator = e: if e.key >= 5 then [ ] else [ { key = e.key * 2; } { key = e.key + 2; } ]; })"));
  }

  @Test
  void genericClosure_requiresKey() {
    assertEquals(
        "attribute 'key' missing",
        evalError("builtins.genericClosure { startSet = [ { } ]; operator = e: [ ]; }"));
  }

  @Test
  void genericClosure_requiresStartSet() {
    assertEquals(
        "attribute 'startSet' missing",
        evalError("builtins.genericClosure { operator = e: [ ]; }"));
  }

  @Test
  void genericClosure_rejectsIncomparableKeys() {
    assertEquals(
        "cannot compare a string with an integer; values are \"a\" and 1",
        evalError(
            "builtins.genericClosure { startSet = [ { key = 1; } { key = \"a\"; } ]; operator = e: [ ]; }"));
  }

  @Test
  void constants_haveExpectedTypes() {
    assertEquals(
        "[ \"list\" \"string\" \"string\" \"int\" \"string\" 6 ]",
        eval(
            "map (x: if builtins.isInt x && x < 100 then x "
                + "else builtins.typeOf x) [ builtins.nixPath builtins.storeDir builtins.currentSystem builtins.currentTime "
                + "builtins.nixVersion builtins.langVersion ]"));
  }

  @Test
  void storeDir_isNixStore() {
    assertEquals("\"/nix/store\"", eval("builtins.storeDir"));
  }

  @Test
  void currentSystem_isLinuxDouble() {
    assertTrue(eval("builtins.currentSystem").endsWith("-linux\""));
  }

  @Test
  void builtinsSet_containsItselfAndTrueFalseNull() {
    assertEquals(
        "[ true true false null ]",
        eval("[ (builtins.builtins ? map) builtins.true builtins.false builtins.null ]"));
  }

  @Test
  void underscoreAliases_referToBuiltins() {
    assertEquals("[ 3 1 ]", eval("[ (__length [ 1 2 3 ]) (__head [ 1 ]) ]"));
  }

  @Test
  void fetchurl_isUnsupported() {
    assertEquals(
        "'builtins.fetchurl' is not supported by modsvc: it needs network access or a Nix daemon",
        evalError("builtins.fetchurl \"https://example.com\""));
  }
}
