package org.modsvc.nix.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.modsvc.nix.builtins.NixTestSupport.eval;
import static org.modsvc.nix.builtins.NixTestSupport.evalError;

import org.junit.jupiter.api.Test;

/**
 * {@code derivation} and {@code derivationStrict}: store paths as Nix 2.8 computes them, output
 * sets, errors.
 */
class DerivationBuiltinsTest {
  private static final String BASE =
      "name = \"a\"; builder = \"/bin/sh\"; system = \"x86_64-linux\"; ";
  private static final String DRV = "(derivation { " + BASE + "})";

  @Test
  void derivationStrict_returnsDrvAndOutputPaths() {
    assertEquals(
        "{ drvPath = \"/nix/store/7g5giqf764p3y3zv7a8rqsy9sqqq5kw4-a.drv\"; "
            + "out = \"/nix/store/f37kxm5wf98b2s839zaiybv38zil0s40-a\"; }",
        eval("builtins.derivationStrict { " + BASE + "}"));
  }

  @Test
  void derivationStrict_rejectsNonSet() {
    assertEquals(
        "expected a set but found an integer: 1", evalError("builtins.derivationStrict 1"));
  }

  @Test
  void derivationStrict_rejectsEmptyOutputs() {
    assertEquals(
        "derivation cannot have an empty set of outputs",
        evalError("builtins.derivationStrict { " + BASE + "outputs = [ ]; }"));
  }

  @Test
  void derivation_hasUsualAttributes() {
    assertEquals(
        "[ \"all\" \"builder\" \"drvAttrs\" \"drvPath\" \"name\" \"out\" \"outPath\" \"outputName\" \"system\" \"type\" ]",
        eval("builtins.attrNames " + DRV));
  }

  @Test
  void derivation_outPathAndType() {
    assertEquals(
        "[ \"/nix/store/f37kxm5wf98b2s839zaiybv38zil0s40-a\" \"derivation\" \"out\" ]",
        eval("[ " + DRV + ".outPath " + DRV + ".type " + DRV + ".outputName ]"));
  }

  @Test
  void derivation_coercesToOutPath() {
    assertEquals(
        "\"/nix/store/f37kxm5wf98b2s839zaiybv38zil0s40-a/bin\"", eval("\"${" + DRV + "}/bin\""));
  }

  @Test
  void derivation_oneAttributeSetPerOutput() {
    assertEquals(
        "[ \"/nix/store/j6bx1jwzc2rv1id9v9nv724h6h82sban-a\" \"/nix/store/0pymnpkxynhvm2q42p711hj7rpj8k1aw-a-dev\" "
            + "\"dev\" [ \"out\" \"dev\" ] ]",
        eval(
            "let d = derivation { "
                + BASE
                + "outputs = [ \"out\" \"dev\" ]; }; in "
                + "[ d.outPath d.dev.outPath d.dev.outputName (map (o: o.outputName) d.all) ]"));
  }

  @Test
  void derivation_coercesAttributeValues() {
    assertEquals(
        "\"/nix/store/460sqv5pfw38kjha4mdgmrl084q9lqwk-a.drv\"",
        eval(
            "(derivation { "
                + BASE
                + "args = [ \"-c\" 1 ]; env = null; x = true; y = [ 1 \"a\" ]; }).drvPath"));
  }

  @Test
  void derivation_dependencyBecomesInput() {
    assertEquals(
        "\"/nix/store/zzp20vbdsxih86aqhvdf11aryiws1j63-a.drv\"",
        eval(
            "(derivation { "
                + BASE
                + "dep = derivation { name = \"b\"; builder = \"/bin/sh\"; system = \"x86_64-linux\"; }; }).drvPath"));
  }

  @Test
  void derivation_ignoreNullsDropsNullAttributes() {
    assertEquals(
        "[ \"/nix/store/7g5giqf764p3y3zv7a8rqsy9sqqq5kw4-a.drv\" \"/nix/store/db3f8mw6abphsjw32my6fa3f69y9msgz-a.drv\" ]",
        eval(
            "[ (derivation { "
                + BASE
                + "__ignoreNulls = true; x = null; }).drvPath (derivation { "
                + BASE
                + "x = null; }).drvPath ]"));
  }

  @Test
  void derivation_fixedOutputPath() {
    assertEquals(
        "\"/nix/store/hm7xj7kx3cg3vih6zn1m6pqma1yjax0b-a\"",
        eval(
            "(derivation { "
                + BASE
                + "outputHash = \"sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=\"; outputHashMode = \"flat\"; }).outPath"));
  }

  @Test
  void derivation_drvPathCarriesAllOutputsContext() {
    assertEquals(
        "{ \"/nix/store/7g5giqf764p3y3zv7a8rqsy9sqqq5kw4-a.drv\" = { allOutputs = true; }; }",
        eval("builtins.getContext " + DRV + ".drvPath"));
  }

  @Test
  void derivation_isLazyInItsAttributes() {
    assertEquals(
        "\"derivation\"", eval("(derivation { " + BASE + "x = throw \"not forced\"; }).type"));
  }

  @Test
  void derivation_requiresBuilder() {
    assertEquals(
        "required attribute 'builder' missing",
        evalError("derivation { name = \"a\"; system = \"x\"; }"));
  }

  @Test
  void derivation_requiresSystem() {
    assertEquals(
        "required attribute 'system' missing",
        evalError("derivation { name = \"a\"; builder = \"x\"; }"));
  }

  @Test
  void derivation_requiresName() {
    assertEquals(
        "attribute 'name' missing",
        evalError("(derivation { builder = \"a\"; system = \"x\"; }).drvPath"));
  }

  @Test
  void derivation_rejectsInvalidName() {
    assertEquals(
        "invalid derivation name: name '~jiggle~' contains illegal character '~'. Please pass a different 'name'.",
        evalError(
            "(derivation { name = \"~jiggle~\"; builder = \"a\"; system = \"x\"; }).drvPath"));
  }

  @Test
  void derivation_rejectsDrvPathOutput() {
    assertEquals(
        "invalid derivation output name 'drvPath'",
        evalError("(derivation { " + BASE + "outputs = [ \"out\" \"drvPath\" ]; }).drvPath"));
  }

  @Test
  void derivation_rejectsDuplicateOutput() {
    assertEquals(
        "duplicate derivation output 'a'",
        evalError("(derivation { " + BASE + "outputs = [ \"a\" \"a\" ]; }).drvPath"));
  }

  @Test
  void derivation_rejectsInvalidHashMode() {
    assertEquals(
        "invalid value 'custom' for 'outputHashMode' attribute",
        evalError(
            "(derivation { "
                + BASE
                + "outputHashMode = \"custom\"; outputHash = \"\"; }).drvPath"));
  }

  @Test
  void derivation_rejectsUncoercibleAttribute() {
    assertEquals(
        "cannot coerce a set to a string: { }",
        evalError("(derivation { " + BASE + "x = { }; }).drvPath"));
  }
}
