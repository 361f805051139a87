package org.modsvc.nix.regex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.modsvc.nix.regex.PosixRegexCases.l;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class PosixRegexTest {

  private static Stream<DynamicTest> matchTests(List<PosixRegexCases.Case> cases) {
    return cases.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    "match " + c.regex() + " on " + c.input(),
                    () -> assertEquals(c.expected(), PosixRegex.match(c.regex(), c.input()))));
  }

  @TestFactory
  Stream<DynamicTest> match_agreesWithNix_onDialectEdgeCases() {
    return matchTests(PosixRegexCases.MATCH);
  }

  @TestFactory
  Stream<DynamicTest> match_agreesWithNix_onRegexesUsedByNixpkgs() {
    return matchTests(PosixRegexCases.NIXPKGS);
  }

  @TestFactory
  Stream<DynamicTest> split_agreesWithNix() {
    return PosixRegexCases.SPLIT.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    "split " + c.regex() + " on " + c.input(),
                    () -> assertEquals(c.expected(), PosixRegex.split(c.regex(), c.input()))));
  }

  @Test
  void match_returnsNull_whenOnlyAPrefixMatches() {
    assertNull(PosixRegex.match("fo*", "foobar"));
  }

  @Test
  void match_givesNullForGroupsThatDidNotParticipate() {
    assertEquals(
        l(null, null, "foobar", "cc"), PosixRegex.match("((.*)/)?([^/]*)\\.(nix|cc)", "foobar.cc"));
  }

  @Test
  void split_interleavesSeparatorsAndGroups_forCorpusExample() {
    assertEquals(
        l("Nix", l((Object) null), "Rocks", l("!"), "", l((Object) null), "That", l("'"), "s"),
        PosixRegex.split("[[:space:]]+|([',.!?])", "Nix Rocks!\nThat's"));
  }

  @Test
  void split_returnsInputAlone_whenNothingMatches() {
    assertEquals(l("f"), PosixRegex.split("(fo+)", "f"));
  }

  @Test
  void split_reportsEachAlternativesGroups() {
    assertEquals(l("", l("a", null), "b", l(null, "c"), ""), PosixRegex.split("(a)|(c)", "abc"));
  }

  @TestFactory
  Stream<DynamicTest> compile_rejectsWhatNixRejects() {
    return Stream.of(
            "\\d",
            "\\n",
            "(a)\\1",
            "a{",
            "{",
            "a{1",
            "*a",
            "^*a",
            "(",
            ")",
            "a\\",
            "[a",
            "a{2,1}",
            "a{,2}",
            "[z-a]",
            "[[:foo:]]",
            "\\}",
            "\\]",
            "\\/",
            "\\-",
            "\\ ",
            "\\'",
            "\\0",
            "\\a",
            "a|*b",
            "(*b)",
            "a(?:b)",
            "a{1,2,3}",
            "a{ 1}",
            "$*",
            "[a-c-e]",
            "[[:alpha:]-z]",
            "[a-[:alpha:]]",
            "[[:alpha:]",
            "[]",
            "[^]",
            "[[=ab=]]",
            "[[.ab.]]",
            "[[.0.]]",
            "a{}",
            "[a-[.z.]]")
        .map(
            re ->
                DynamicTest.dynamicTest(
                    re,
                    () -> {
                      PosixRegexException e =
                          assertThrows(PosixRegexException.class, () -> PosixRegex.compile(re));
                      assertEquals("invalid regular expression '" + re + "'", e.getMessage());
                      assertFalse(e.isMemoryLimit());
                    }));
  }

  @Test
  void match_rejectsInvalidRegex_evenForOtherInput() {
    PosixRegexException e =
        assertThrows(PosixRegexException.class, () -> PosixRegex.match("(", "x"));
    assertEquals("(", e.regex());
  }

  @Test
  void compile_reportsMemoryLimit_forHugeRepetition() {
    PosixRegexException e =
        assertThrows(PosixRegexException.class, () -> PosixRegex.compile("a{99999}"));
    assertTrue(e.isMemoryLimit());
    assertEquals("memory limit exceeded by regular expression 'a{99999}'", e.getMessage());
  }

  @Test
  void compile_acceptsModerateRepetition() {
    assertTrue(PosixRegex.compile("a{1000}").matcher("a".repeat(1000)).matches());
  }

  @Test
  void compile_returnsCachedPattern_forSameRegex() {
    assertSame(PosixRegex.compile("x(y|z)+"), PosixRegex.compile("x(y|z)+"));
  }

  @Test
  void compile_matchesJavaCharacters_notBytes() {
    Matcher m = PosixRegex.compile("(.)").matcher("é");
    assertTrue(m.matches());
    assertEquals("é", m.group(1));
  }

  @Test
  void compile_treatsBackslashInBracketsLiterally() {
    Pattern p = PosixRegex.compile("[\\.]");
    assertTrue(p.matcher("\\").matches());
    assertTrue(p.matcher(".").matches());
    assertFalse(p.matcher("x").matches());
  }

  @Test
  void compile_dollarMatchesOnlyAtEnd_notBeforeTrailingNewline() {
    assertFalse(PosixRegex.compile("a$").matcher("a\n").matches());
    assertFalse(PosixRegex.compile("a$").matcher("a\n").find());
  }
}
