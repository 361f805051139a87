package org.modsvc.nix.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.modsvc.nix.builtins.NixTestSupport.eval;
import static org.modsvc.nix.builtins.NixTestSupport.evalError;

import org.junit.jupiter.api.Test;

/**
 * String-context builtins. Store paths were computed by Nix 2.8 for the same expressions: a text
 * file from {@code toFile} carries an opaque-path context, a derivation's {@code drvPath} an
 * all-outputs context and its {@code outPath} a single-output context.
 */
class ContextBuiltinsTest {
  private static final String FILE = "(builtins.toFile \"f\" \"x\")";
  private static final String FILE_PATH = "/nix/store/x93g3gvygaiq7h4b6zls3w7l5az1y526-f";
  private static final String DRV =
      "(derivation { name = \"a\"; builder = \"/bin/sh\"; system = \"x86_64-linux\"; })";
  private static final String DRV_PATH = "/nix/store/7g5giqf764p3y3zv7a8rqsy9sqqq5kw4-a.drv";

  @Test
  void hasContext_falseForLiteral() {
    assertEquals("false", eval("builtins.hasContext \"x\""));
  }

  @Test
  void hasContext_trueForStorePathString() {
    assertEquals("true", eval("builtins.hasContext " + FILE));
  }

  @Test
  void hasContext_rejectsNonString() {
    assertEquals("expected a string but found an integer: 1", evalError("builtins.hasContext 1"));
  }

  @Test
  void getContext_ofOpaquePath() {
    assertEquals(
        "{ \"" + FILE_PATH + "\" = { path = true; }; }", eval("builtins.getContext " + FILE));
  }

  @Test
  void getContext_ofDrvPathIsAllOutputs() {
    assertEquals(
        "{ \"" + DRV_PATH + "\" = { allOutputs = true; }; }",
        eval("builtins.getContext " + DRV + ".drvPath"));
  }

  @Test
  void getContext_ofOutPathListsOutput() {
    assertEquals(
        "{ \"" + DRV_PATH + "\" = { outputs = [ \"out\" ]; }; }",
        eval("builtins.getContext " + DRV + ".outPath"));
  }

  @Test
  void getContext_mergesContextsOfConcatenation() {
    assertEquals(
        "[ \"" + DRV_PATH + "\" \"" + FILE_PATH + "\" ]",
        eval("builtins.attrNames (builtins.getContext (" + FILE + " + " + DRV + ".outPath))"));
  }

  @Test
  void getContext_rejectsNonString() {
    assertEquals("expected a string but found a list: [ ]", evalError("builtins.getContext [ ]"));
  }

  @Test
  void unsafeDiscardStringContext_keepsTextDropsContext() {
    assertEquals(
        "[ \"" + FILE_PATH + "\" false ]",
        eval(
            "let s = builtins.unsafeDiscardStringContext "
                + FILE
                + "; in [ s (builtins.hasContext s) ]"));
  }

  @Test
  void unsafeDiscardStringContext_rejectsInteger() {
    assertEquals(
        "cannot coerce an integer to a string: 1",
        evalError("builtins.unsafeDiscardStringContext 1"));
  }

  @Test
  void unsafeDiscardOutputDependency_turnsAllOutputsIntoPath() {
    assertEquals(
        "{ \"" + DRV_PATH + "\" = { path = true; }; }",
        eval("builtins.getContext (builtins.unsafeDiscardOutputDependency " + DRV + ".drvPath)"));
  }

  @Test
  void unsafeDiscardOutputDependency_rejectsSet() {
    assertEquals(
        "cannot coerce a set to a string: { }",
        evalError("builtins.unsafeDiscardOutputDependency { }"));
  }

  @Test
  void addDrvOutputDependencies_turnsPathIntoAllOutputs() {
    assertEquals(
        "{ \"" + DRV_PATH + "\" = { allOutputs = true; }; }",
        eval(
            "builtins.getContext "
                + "(builtins.addDrvOutputDependencies (builtins.unsafeDiscardOutputDependency "
                + DRV
                + ".drvPath))"));
  }

  @Test
  void addDrvOutputDependencies_rejectsStringWithoutContext() {
    assertEquals(
        "context of string 'x' must have exactly one element, but has 0",
        evalError("builtins.addDrvOutputDependencies \"x\""));
  }

  @Test
  void addDrvOutputDependencies_rejectsNonDerivationPath() {
    assertEquals(
        "path '" + FILE_PATH + "' is not a derivation",
        evalError("builtins.addDrvOutputDependencies " + FILE));
  }

  @Test
  void addDrvOutputDependencies_rejectsOutputContext() {
    assertEquals(
        "`addDrvOutputDependencies` can only act on derivations, not on a derivation output such as 'out'",
        evalError("builtins.addDrvOutputDependencies " + DRV + ".outPath"));
  }

  @Test
  void appendContext_addsPathContext() {
    assertEquals(
        "{ \"" + FILE_PATH + "\" = { path = true; }; }",
        eval(
            "builtins.getContext (builtins.appendContext \"x\" { \""
                + FILE_PATH
                + "\" = { path = true; }; })"));
  }

  @Test
  void appendContext_addsOutputsContext() {
    assertEquals(
        "{ \"" + DRV_PATH + "\" = { allOutputs = true; outputs = [ \"dev\" \"out\" ]; }; }",
        eval(
            "builtins.getContext (builtins.appendContext \"x\" { \""
                + DRV_PATH
                + "\" = { allOutputs = true; outputs = [ \"out\" \"dev\" ]; }; })"));
  }

  @Test
  void appendContext_roundTripsGetContext() {
    assertEquals(
        "true",
        eval(
            "let s = "
                + FILE
                + " + "
                + DRV
                + ".drvPath; in builtins.getContext "
                + "(builtins.appendContext (builtins.unsafeDiscardStringContext s) (builtins.getContext s)) == builtins.getContext s"));
  }

  @Test
  void appendContext_rejectsNonStorePathKey() {
    assertEquals(
        "context key '/tmp/x' is not a store path",
        evalError("builtins.appendContext \"x\" { \"/tmp/x\" = { path = true; }; }"));
  }

  @Test
  void appendContext_rejectsAllOutputsOfNonDerivation() {
    assertEquals(
        "tried to add all-outputs context of "
            + FILE_PATH
            + ", which is not a derivation, to a string",
        evalError(
            "builtins.appendContext \"x\" { \"" + FILE_PATH + "\" = { allOutputs = true; }; }"));
  }

  @Test
  void appendContext_rejectsOutputsOfNonDerivation() {
    assertEquals(
        "tried to add derivation output context of "
            + FILE_PATH
            + ", which is not a derivation, to a string",
        evalError(
            "builtins.appendContext \"x\" { \""
                + FILE_PATH
                + "\" = { outputs = [ \"out\" ]; }; }"));
  }

  @Test
  void context_propagatesThroughInterpolation() {
    assertEquals("true", eval("builtins.hasContext \"pre-${" + FILE + "}-post\""));
  }

  @Test
  void context_isIgnoredByEquality() {
    assertEquals("true", eval(FILE + " == \"" + FILE_PATH + "\""));
  }
}
