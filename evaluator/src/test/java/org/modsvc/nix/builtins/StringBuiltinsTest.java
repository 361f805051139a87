package org.modsvc.nix.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.modsvc.nix.builtins.NixTestSupport.eval;
import static org.modsvc.nix.builtins.NixTestSupport.evalError;

import org.junit.jupiter.api.Test;

/**
 * String builtins: byte-based lengths and offsets, coercions, regexes, versions, and string-context
 * propagation (a store path from {@code builtins.toFile} stands in for any string with context).
 */
class StringBuiltinsTest {
  /** A string with context (an opaque store path). */
  private static final String CTX = "(builtins.toFile \"f\" \"x\")";

  @Test
  void stringLength_countsBytes() {
    assertEquals("[ 3 2 0 ]", eval("map builtins.stringLength [ \"foo\" \"é\" \"\" ]"));
  }

  @Test
  void stringLength_coercesPathsAndOutPath() {
    assertEquals("2", eval("builtins.stringLength { outPath = \"ab\"; }"));
  }

  @Test
  void stringLength_rejectsInteger() {
    assertEquals("cannot coerce an integer to a string: 1", evalError("builtins.stringLength 1"));
  }

  @Test
  void substring_extractsRange() {
    assertEquals("\"el\"", eval("builtins.substring 1 2 \"hello\""));
  }

  @Test
  void substring_clampsLengthAndStart() {
    assertEquals(
        "[ \"llo\" \"\" \"llo\" ]",
        eval(
            "[ (builtins.substring 2 100 \"hello\") (builtins.substring 9 1 \"hello\") (builtins.substring 2 (-1) \"hello\") ]"));
  }

  @Test
  void substring_countsBytes() {
    assertEquals("\"é\"", eval("builtins.substring 1 2 \"xéy\""));
  }

  @Test
  void substring_rejectsNegativeStart() {
    assertEquals(
        "negative start position in 'substring'", evalError("builtins.substring (-1) 1 \"x\""));
  }

  @Test
  void substring_rejectsNonIntegerStart() {
    assertEquals(
        "expected an integer but found a string: \"1\"",
        evalError("builtins.substring \"1\" 1 \"x\""));
  }

  @Test
  void substring_keepsContext() {
    assertEquals("true", eval("builtins.hasContext (builtins.substring 0 1 " + CTX + ")"));
  }

  @Test
  void toString_coercesScalarsAndLists() {
    assertEquals(
        "[ \"1\" \"1.500000\" \"1\" \"\" \"\" \"1 a  x\" ]",
        eval("map toString [ 1 1.5 true false null [ 1 \"a\" [ ] null \"x\" ] ]"));
  }

  @Test
  void toString_usesToStringAttr() {
    assertEquals("\"x1\"", eval("toString { __toString = self: \"x\" + toString self.n; n = 1; }"));
  }

  @Test
  void toString_usesOutPath() {
    assertEquals("\"/p\"", eval("toString { outPath = \"/p\"; }"));
  }

  @Test
  void toString_keepsPathsOutOfTheStore() {
    assertEquals("\"/tmp/a\"", eval("toString ./a"));
  }

  @Test
  void toString_rejectsPlainSet() {
    assertEquals("cannot coerce a set to a string: { }", evalError("toString { }"));
  }

  @Test
  void toString_rejectsFunction() {
    assertEquals(
        "cannot coerce a function to a string: «lambda @ «test»:1:11»",
        evalError("toString (x: x)"));
  }

  @Test
  void toString_keepsContext() {
    assertEquals("true", eval("builtins.hasContext (toString [ " + CTX + " ])"));
  }

  @Test
  void concatStringsSep_joins() {
    assertEquals("\"a, b, c\"", eval("builtins.concatStringsSep \", \" [ \"a\" \"b\" \"c\" ]"));
  }

  @Test
  void concatStringsSep_emptyList() {
    assertEquals("\"\"", eval("builtins.concatStringsSep \",\" [ ]"));
  }

  @Test
  void concatStringsSep_rejectsInteger() {
    assertEquals(
        "cannot coerce an integer to a string: 1",
        evalError("builtins.concatStringsSep \",\" [ 1 ]"));
  }

  @Test
  void concatStringsSep_rejectsNonStringSeparator() {
    assertEquals(
        "expected a string but found an integer: 1", evalError("builtins.concatStringsSep 1 [ ]"));
  }

  @Test
  void concatStringsSep_propagatesContext() {
    assertEquals(
        "true",
        eval("builtins.hasContext (builtins.concatStringsSep \"-\" [ \"a\" " + CTX + " ])"));
  }

  @Test
  void replaceStrings_replacesFirstMatchingPatternLeftToRight() {
    assertEquals(
        "\"f00b4r\"", eval("builtins.replaceStrings [ \"o\" \"a\" ] [ \"0\" \"4\" ] \"foobar\""));
  }

  @Test
  void replaceStrings_prefersEarlierPattern() {
    assertEquals(
        "\"Xc\"", eval("builtins.replaceStrings [ \"ab\" \"a\" ] [ \"X\" \"Y\" ] \"abc\""));
  }

  @Test
  void replaceStrings_emptyPatternMatchesBetweenCharacters() {
    assertEquals("\"-a-b-\"", eval("builtins.replaceStrings [ \"\" ] [ \"-\" ] \"ab\""));
  }

  @Test
  void replaceStrings_rejectsDifferentLengths() {
    assertEquals(
        "'from' and 'to' arguments passed to builtins.replaceStrings have different lengths",
        evalError("builtins.replaceStrings [ \"a\" ] [ ] \"a\""));
  }

  @Test
  void replaceStrings_onlyForcesReplacementsThatAreUsed() {
    assertEquals("\"b\"", eval("builtins.replaceStrings [ \"x\" ] [ (throw \"unused\") ] \"b\""));
  }

  @Test
  void replaceStrings_propagatesReplacementContext() {
    assertEquals(
        "true",
        eval("builtins.hasContext (builtins.replaceStrings [ \"a\" ] [ " + CTX + " ] \"a\")"));
  }

  @Test
  void match_returnsGroups() {
    assertEquals("[ \"bb\" ]", eval("builtins.match \"a(b+)c\" \"abbc\""));
  }

  @Test
  void match_mustMatchWholeString() {
    assertEquals("null", eval("builtins.match \"b\" \"abc\""));
  }

  @Test
  void match_unmatchedGroupIsNull() {
    assertEquals("[ null \"b\" ]", eval("builtins.match \"(a)|(b)\" \"b\""));
  }

  @Test
  void match_rejectsInvalidRegex() {
    assertEquals("invalid regular expression '(.*'", evalError("builtins.match \"(.*\" \"x\""));
  }

  @Test
  void match_rejectsNonString() {
    assertEquals("expected a string but found an integer: 1", evalError("builtins.match \"a\" 1"));
  }

  @Test
  void split_interleavesTextAndGroups() {
    assertEquals(
        "[ \"x\" [ \"a\" ] \"y\" [ \"a\" ] \"\" ]", eval("builtins.split \"(a)\" \"xaya\""));
  }

  @Test
  void split_withoutGroupsGivesEmptyLists() {
    assertEquals("[ \"a\" [ ] \"b\" ]", eval("builtins.split \",\" \"a,b\""));
  }

  @Test
  void split_rejectsInvalidRegex() {
    assertEquals(
        "invalid regular expression 'f(o*o'", evalError("builtins.split \"f(o*o\" \"foo\""));
  }

  @Test
  void baseNameOf_returnsLastComponent() {
    assertEquals(
        "[ \"c\" \"b\" \"x\" ]",
        eval("[ (baseNameOf \"/a/b/c\") (baseNameOf \"/a/b/\") (baseNameOf \"x\") ]"));
  }

  @Test
  void baseNameOf_ofPathIsString() {
    assertEquals("\"b\"", eval("baseNameOf ./a/b"));
  }

  @Test
  void baseNameOf_rejectsInteger() {
    assertEquals("cannot coerce an integer to a string: 1", evalError("baseNameOf 1"));
  }

  @Test
  void baseNameOf_keepsContext() {
    assertEquals("true", eval("builtins.hasContext (baseNameOf " + CTX + ")"));
  }

  @Test
  void dirOf_ofStringIsString() {
    assertEquals(
        "[ \"/a/b\" \".\" \"/\" ]", eval("[ (dirOf \"/a/b/c\") (dirOf \"foo\") (dirOf \"/a\") ]"));
  }

  @Test
  void dirOf_cutsAtLastSlashEvenWhenTrailing() {
    assertEquals(
        "[ \"a\" \"//\" \"/a/b\" ]", eval("[ (dirOf \"a/\") (dirOf \"///\") (dirOf \"/a/b/\") ]"));
  }

  @Test
  void dirOf_ofPathIsPath() {
    assertEquals("/tmp/a", eval("dirOf ./a/b"));
  }

  @Test
  void dirOf_rejectsSet() {
    assertEquals("cannot coerce a set to a string: { }", evalError("dirOf { }"));
  }

  @Test
  void compareVersions_ordersComponents() {
    assertEquals(
        "[ -1 0 1 -1 -1 ]",
        eval(
            "[ (builtins.compareVersions \"1.0\" \"2.0\") (builtins.compareVersions \"1.0\" \"1.0\") "
                + "(builtins.compareVersions \"1.10\" \"1.9\") (builtins.compareVersions \"2.3pre1\" \"2.3\") "
                + "(builtins.compareVersions \"1.0\" \"1.0.1\") ]"));
  }

  @Test
  void compareVersions_rejectsNonString() {
    assertEquals(
        "expected a string but found an integer: 1", evalError("builtins.compareVersions 1 \"1\""));
  }

  @Test
  void splitVersion_splitsAtDotsAndLetterDigitBoundaries() {
    assertEquals(
        "[ \"1\" \"2\" \"3\" \"pre\" \"4\" ]", eval("builtins.splitVersion \"1.2.3pre4\""));
  }

  @Test
  void splitVersion_rejectsNonString() {
    assertEquals("expected a string but found a list: [ ]", evalError("builtins.splitVersion [ ]"));
  }

  @Test
  void parseDrvName_splitsAtFirstDashDigit() {
    assertEquals(
        "{ name = \"nix-foo\"; version = \"0.12pre12876\"; }",
        eval("builtins.parseDrvName \"nix-foo-0.12pre12876\""));
  }

  @Test
  void parseDrvName_withoutVersion() {
    assertEquals("{ name = \"hello\"; version = \"\"; }", eval("builtins.parseDrvName \"hello\""));
  }

  @Test
  void parseDrvName_rejectsNonString() {
    assertEquals(
        "expected a string but found a Boolean: true", evalError("builtins.parseDrvName true"));
  }
}
