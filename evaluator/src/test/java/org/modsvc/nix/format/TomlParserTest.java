package org.modsvc.nix.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TomlParserTest {

  private static Object value(String toml) {
    return TomlParser.parse("x = " + toml + "\n").get("x");
  }

  private static TomlException failure(String toml) {
    return assertThrows(TomlException.class, () -> TomlParser.parse(toml, true));
  }

  @Test
  void parse_matchesNixOutput_forCorpusDocuments() {
    List<Object> docs = new ArrayList<>();
    for (String doc : TomlCorpus.OKAY_FROMTOML) {
      docs.add(TomlParser.parse(doc));
    }
    assertEquals(TomlCorpus.OKAY_FROMTOML_EXP, NixPrinter.print(docs));
  }

  @Test
  void parse_matchesNixOutput_forCorpusTimestamps_whenTimestampsAllowed() {
    Map<String, Object> doc = TomlParser.parse(TomlCorpus.OKAY_FROMTOML_TIMESTAMPS.get(0), true);
    assertEquals(TomlCorpus.OKAY_FROMTOML_TIMESTAMPS_EXP, NixPrinter.print(doc));
  }

  @Test
  void parse_rejectsTimestamps_whenNotAllowed() {
    TomlException e =
        assertThrows(
            TomlException.class,
            () -> TomlParser.parse(TomlCorpus.FAIL_FROMTOML_TIMESTAMPS.get(0)));
    assertEquals("Dates and times are not supported", e.getMessage());
  }

  @Test
  void parse_reportsIntegerOverflow_likeNix() {
    assertEquals(
        "[error] toml::parse_dec_integer: too large integer: current max digits = 2^63\n"
            + " --> fromTOML\n"
            + "   |\n"
            + " 1 | attr = 9223372036854775808\n"
            + "   |                           ^-- must be < 2^63\n",
        failure("attr = 9223372036854775808").getMessage());
  }

  @Test
  void parse_reportsIntegerUnderflow_likeNix() {
    assertEquals(
        "[error] toml::parse_dec_integer: too large integer: current max digits = 2^63\n"
            + " --> fromTOML\n"
            + "   |\n"
            + " 1 | attr = -9223372036854775809\n"
            + "   |                            ^-- must be < 2^63\n",
        failure("attr = -9223372036854775809").getMessage());
  }

  @Test
  void parse_acceptsExtremeIntegers() {
    assertEquals(Long.MIN_VALUE, value("-9223372036854775808"));
    assertEquals(Long.MAX_VALUE, value("0x7FFFFFFFFFFFFFFF"));
  }

  @Test
  void parse_rejectsNulInValue_withNixMessage() {
    assertEquals(
        "error: input string 'a\u2400b' cannot be represented as Nix string because it contains null bytes",
        failure("k = \"a\\u0000b\"").getMessage());
  }

  @Test
  void parse_rejectsNulInKey_withNixMessage() {
    assertEquals(
        "error: input string 'a\u2400b' cannot be represented as Nix string because it contains null bytes",
        failure("\"a\\u0000b\" = 1").getMessage());
  }

  @Test
  void parse_handlesMultilineBasicString_withLineEndingBackslash() {
    assertEquals(
        "The quick brown fox.", value("\"\"\"\nThe quick \\\n\n   brown \\\n   fox.\"\"\""));
  }

  @Test
  void parse_keepsUpToTwoQuotes_beforeClosingDelimiter() {
    assertEquals("a\"\"", value("\"\"\"a\"\"\"\"\""));
    assertEquals("it's''", value("'''it's'''''"));
  }

  @Test
  void parse_trimsFirstNewline_ofMultilineLiteral() {
    assertEquals("raw \\n\nline\n", value("'''\nraw \\n\nline\n'''"));
  }

  @Test
  void parse_decodesUnicodeEscapes() {
    assertEquals("é😀", value("\"\\u00E9\\U0001F600\""));
  }

  @Test
  void parse_readsSpecialFloats() {
    assertEquals(Double.POSITIVE_INFINITY, value("+inf"));
    assertEquals(Double.NEGATIVE_INFINITY, value("-inf"));
    assertTrue(Double.isNaN((Double) value("nan")));
  }

  @Test
  void parse_rejectsDuplicateKeys() {
    assertTrue(failure("a = 1\na = 2").getMessage().contains("already defined"));
  }

  @Test
  void parse_rejectsTableDefinedTwice() {
    failure("[a]\nx = 1\n[a]\ny = 2");
  }

  @Test
  void parse_allowsDefiningImplicitSuperTableLater() {
    assertEquals(
        "{ a = { b = { c = 1; }; d = 2; }; }",
        NixPrinter.print(TomlParser.parse("[a.b]\nc = 1\n[a]\nd = 2\n")));
  }

  @Test
  void parse_rejectsHeaderForTableDefinedByDottedKeys() {
    failure("[fruit]\napple.color = 'red'\n[fruit.apple]\nx = 1");
  }

  @Test
  void parse_rejectsExtendingInlineTable() {
    failure("a = { b = 1 }\n[a]\nc = 2");
  }

  @Test
  void parse_rejectsAppendingToStaticArray() {
    failure("a = []\n[[a]]");
  }

  @Test
  void parse_rejectsLeadingZeros() {
    failure("a = 01");
  }

  @Test
  void parse_rejectsMisplacedUnderscore() {
    failure("a = 1__0");
  }

  @Test
  void parse_rejectsTwoValuesOnOneLine() {
    TomlException e = failure("a = 1 b = 2");
    assertEquals(1, e.line());
  }

  @Test
  void parse_rejectsUnknownEscape() {
    failure("a = \"\\q\"");
  }

  @Test
  void parse_rejectsInvalidDate() {
    failure("a = 1979-02-30");
  }

  @Test
  void parse_reportsLineOfError() {
    assertEquals(3, failure("a = 1\nb = 2\nc = ?\n").line());
  }

  @Test
  void parse_normalisesTimestampText() {
    assertEquals(
        new TomlParser.Timestamp("1979-05-27T07:32:00.100Z"),
        TomlParser.parse("x = 1979-05-27 07:32:00.1z", true).get("x"));
  }
}
