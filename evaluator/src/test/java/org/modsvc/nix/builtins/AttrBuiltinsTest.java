package org.modsvc.nix.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.modsvc.nix.builtins.NixTestSupport.eval;
import static org.modsvc.nix.builtins.NixTestSupport.evalError;

import org.junit.jupiter.api.Test;

/** Attribute-set builtins: results (names always sorted), errors, and laziness in the values. */
class AttrBuiltinsTest {
  @Test
  void attrNames_returnsSortedNames() {
    assertEquals("[ \"a\" \"b\" \"c\" ]", eval("builtins.attrNames { c = 1; a = 2; b = 3; }"));
  }

  @Test
  void attrNames_doesNotForceValues() {
    assertEquals("[ \"a\" ]", eval("builtins.attrNames { a = throw \"value forced\"; }"));
  }

  @Test
  void attrNames_rejectsList() {
    assertEquals("expected a set but found a list: [ ]", evalError("builtins.attrNames [ ]"));
  }

  @Test
  void attrValues_returnsValuesInNameOrder() {
    assertEquals("[ 2 3 1 ]", eval("builtins.attrValues { c = 1; a = 2; b = 3; }"));
  }

  @Test
  void attrValues_doesNotForceValues() {
    assertEquals(
        "1", eval("builtins.length (builtins.attrValues { a = throw \"value forced\"; })"));
  }

  @Test
  void attrValues_rejectsString() {
    assertEquals("expected a set but found a string: \"\"", evalError("builtins.attrValues \"\""));
  }

  @Test
  void getAttr_returnsValue() {
    assertEquals("1", eval("builtins.getAttr \"a\" { a = 1; }"));
  }

  @Test
  void getAttr_failsWhenMissing() {
    assertEquals("attribute 'b' missing", evalError("builtins.getAttr \"b\" { a = 1; }"));
  }

  @Test
  void getAttr_rejectsNonStringName() {
    assertEquals("expected a string but found an integer: 1", evalError("builtins.getAttr 1 { }"));
  }

  @Test
  void hasAttr_trueWhenPresent() {
    assertEquals("true", eval("builtins.hasAttr \"a\" { a = throw \"x\"; }"));
  }

  @Test
  void hasAttr_falseWhenAbsent() {
    assertEquals("false", eval("builtins.hasAttr \"b\" { a = 1; }"));
  }

  @Test
  void hasAttr_rejectsNonSet() {
    assertEquals("expected a set but found an integer: 1", evalError("builtins.hasAttr \"a\" 1"));
  }

  @Test
  void removeAttrs_dropsListedNamesIgnoringUnknown() {
    assertEquals("{ b = 2; }", eval("removeAttrs { a = 1; b = 2; } [ \"a\" \"c\" ]"));
  }

  @Test
  void removeAttrs_doesNotForceValues() {
    assertEquals(
        "[ \"b\" ]",
        eval("builtins.attrNames (removeAttrs { a = 1; b = throw \"x\"; } [ \"a\" ])"));
  }

  @Test
  void removeAttrs_namesListedTwiceAreRemovedOnce() {
    assertEquals(
        "{ a = 1; d = 4; }",
        eval("removeAttrs { a = 1; b = 2; c = 3; d = 4; } [ \"c\" \"b\" \"c\" ]"));
  }

  @Test
  void removeAttrs_keepsPositionsOfTheRest() {
    assertEquals(
        "2",
        eval("(builtins.unsafeGetAttrPos \"b\" (removeAttrs { a = 1;\n b = 2; } [ \"a\" ])).line"));
  }

  @Test
  void removeAttrs_rejectsNonStringName() {
    assertEquals("expected a string but found an integer: 1", evalError("removeAttrs { } [ 1 ]"));
  }

  @Test
  void listToAttrs_buildsSetAndFirstNameWins() {
    assertEquals(
        "{ a = 1; b = 3; }",
        eval(
            "builtins.listToAttrs [ { name = \"a\"; value = 1; } "
                + "{ name = \"b\"; value = 3; } { name = \"a\"; value = 2; } ]"));
  }

  @Test
  void listToAttrs_doesNotForceValues() {
    assertEquals(
        "[ \"a\" ]",
        eval(
            "builtins.attrNames (builtins.listToAttrs [ { name = \"a\"; value = throw \"x\"; } ])"));
  }

  @Test
  void listToAttrs_failsWithoutName() {
    assertEquals("attribute 'name' missing", evalError("builtins.listToAttrs [ { value = 1; } ]"));
  }

  @Test
  void listToAttrs_failsWithoutValue() {
    assertEquals(
        "attribute 'value' missing", evalError("builtins.listToAttrs [ { name = \"a\"; } ]"));
  }

  @Test
  void listToAttrs_rejectsNonSetElement() {
    assertEquals("expected a set but found an integer: 1", evalError("builtins.listToAttrs [ 1 ]"));
  }

  @Test
  void intersectAttrs_keepsSecondSetsValuesForCommonNames() {
    assertEquals("{ b = 3; }", eval("builtins.intersectAttrs { a = 1; b = 2; } { b = 3; c = 4; }"));
  }

  @Test
  void intersectAttrs_rejectsNonSet() {
    assertEquals(
        "expected a set but found a list: [ ]", evalError("builtins.intersectAttrs [ ] { }"));
  }

  @Test
  void catAttrs_collectsPresentValues() {
    assertEquals("[ 1 3 ]", eval("builtins.catAttrs \"a\" [ { a = 1; } { b = 2; } { a = 3; } ]"));
  }

  @Test
  void catAttrs_rejectsNonSetElement() {
    assertEquals(
        "expected a set but found an integer: 1", evalError("builtins.catAttrs \"a\" [ 1 ]"));
  }

  @Test
  void mapAttrs_passesNameAndValue() {
    assertEquals(
        "{ a = \"a1\"; b = \"b2\"; }",
        eval("builtins.mapAttrs (n: v: n + toString v) { a = 1; b = 2; }"));
  }

  @Test
  void mapAttrs_doesNotCallFunctionUntilValueNeeded() {
    assertEquals(
        "[ \"a\" ]",
        eval("builtins.attrNames (builtins.mapAttrs (n: v: throw \"called\") { a = 1; })"));
  }

  @Test
  void mapAttrs_rejectsNonSet() {
    assertEquals(
        "expected a set but found a list: [ ]", evalError("builtins.mapAttrs (n: v: v) [ ]"));
  }

  @Test
  void zipAttrsWith_groupsValuesByName() {
    assertEquals(
        "{ a = [ 1 2 ]; b = [ 3 ]; }",
        eval("builtins.zipAttrsWith (n: vs: vs) [ { a = 1; } { a = 2; b = 3; } ]"));
  }

  @Test
  void zipAttrsWith_keepsListOrderWithinEachName() {
    assertEquals(
        "{ a = [ 3 1 2 ]; b = [ 4 5 ]; c = [ 6 ]; }",
        eval(
            "builtins.zipAttrsWith (n: vs: vs) [ { a = 3; b = 4; } { c = 6; a = 1; } { b = 5; a = 2; } ]"));
  }

  @Test
  void zipAttrsWith_rejectsNonSetAfterASet() {
    assertEquals(
        "expected a set but found an integer: 1",
        evalError("builtins.zipAttrsWith (n: vs: vs) [ { } 1 ]"));
  }

  @Test
  void zipAttrsWith_passesNameAndIsLazy() {
    assertEquals("\"a\"", eval("(builtins.zipAttrsWith (n: vs: n) [ { a = throw \"x\"; } ]).a"));
  }

  @Test
  void zipAttrsWith_rejectsNonSetElement() {
    assertEquals(
        "expected a set but found an integer: 1",
        evalError("builtins.zipAttrsWith (n: vs: vs) [ 1 ]"));
  }
}
