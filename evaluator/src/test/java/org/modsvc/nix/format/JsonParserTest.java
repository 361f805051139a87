package org.modsvc.nix.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonParserTest {

  private static String fail(String json) {
    return assertThrows(JsonException.class, () -> JsonParser.parse(json)).getMessage();
  }

  @Test
  void parse_readsCorpusDocument() {
    Object v =
        JsonParser.parse(
            "{ \"Video\": { \"Width\": 1920, \"EmbeddedData\": [3.14159, 23493,null, true ,false, -10],"
                + " \"Escapes\": \"\\\"\\\\\\/\\t\\n\\r\\t\", \"Longitude\": -122.3959 } }");
    Map<?, ?> video = (Map<?, ?>) ((Map<?, ?>) v).get("Video");
    assertEquals(1920L, video.get("Width"));
    assertEquals(
        Arrays.asList(3.14159, 23493L, null, true, false, -10L), video.get("EmbeddedData"));
    assertEquals("\"\\/\t\n\r\t", video.get("Escapes"));
    assertEquals(-122.3959, video.get("Longitude"));
  }

  @Test
  void parse_decodesAllEscapes_likeCorpusTest() {
    assertEquals(
        "quote \" reverse solidus \\ solidus / backspace \b formfeed \f newline \n carriage return \r"
            + " horizontal tab \t 1 char unicode encoded backspace \b e \u00e9 s \u0161 arrow \u2192",
        JsonParser.parse(
            "\"quote \\\" reverse solidus \\\\ solidus \\/ backspace \\b formfeed \\f newline \\n"
                + " carriage return \\r horizontal tab \\t 1 char unicode encoded backspace \\u0008 e \\u00e9"
                + " s \\u0161 arrow \\u2192\""));
  }

  @Test
  void parse_combinesSurrogatePairs() {
    assertEquals("\uD83D\uDE00", JsonParser.parse("\"\\ud83d\\ude00\""));
  }

  @Test
  void parse_rejectsLoneSurrogate() {
    assertTrue(fail("\"\\ud83d\"").contains("surrogate"));
  }

  @Test
  void parse_givesFloatForFractionOrExponent() {
    assertEquals(1.0, JsonParser.parse("1.0"));
    assertEquals(100.0, JsonParser.parse("1E2"));
    assertEquals(-0.0, JsonParser.parse("-0.0"));
  }

  @Test
  void parse_givesLongForIntegersInRange() {
    assertEquals(Long.MAX_VALUE, JsonParser.parse("9223372036854775807"));
    assertEquals(Long.MIN_VALUE, JsonParser.parse("-9223372036854775808"));
    assertEquals(0L, JsonParser.parse("-0"));
  }

  @Test
  void parse_rejectsUnsignedOverflow_withNixMessage() {
    assertEquals(
        "unsigned json number 18446744073709551615 outside of Nix integer range",
        fail("{\"attr\": 18446744073709551615}"));
  }

  @Test
  void parse_givesFloat_forIntegersBeyondUnsignedRange() {
    assertEquals(1.8446744073709552E19, JsonParser.parse("18446744073709551616"));
    assertEquals(-9.223372036854775809E18, JsonParser.parse("-9223372036854775809"));
  }

  @Test
  void parse_rejectsFloatOverflow() {
    assertEquals(
        "[json.exception.out_of_range.406] number overflow parsing '1e400'", fail("[1e400]"));
  }

  @Test
  void parse_rejectsNulInValue_withNixMessage() {
    assertEquals(
        "input string 'a\u2400b' cannot be represented as Nix string because it contains null bytes",
        fail("\"a\\u0000b\""));
  }

  @Test
  void parse_rejectsNulInKey_withNixMessage() {
    assertEquals(
        "input string 'a\u2400b' cannot be represented as Nix string because it contains null bytes",
        fail("{\"a\\u0000b\": 1}"));
  }

  @Test
  void parse_keepsLastDuplicateKey() {
    assertEquals(Map.of("a", 2L), JsonParser.parse("{\"a\":1,\"a\":2}"));
  }

  @Test
  void parse_reportsTrailingComma_withPosition() {
    assertEquals(
        "[json.exception.parse_error.101] parse error at line 1, column 4: syntax error while parsing value"
            + " - unexpected ']'; expected '[', '{', or a literal",
        fail("[1,]"));
  }

  @Test
  void parse_rejectsLeadingZero() {
    assertTrue(fail("01").contains("expected end of input"));
  }

  @Test
  void parse_rejectsEmptyInput() {
    assertTrue(fail("").contains("unexpected end of input"));
  }

  @Test
  void parse_rejectsRawControlCharacterInString() {
    assertTrue(fail("\"a\tb\"").contains("control character"));
  }

  @Test
  void parse_rejectsBadLiteral() {
    assertTrue(fail("tru").contains("invalid literal"));
    assertTrue(fail("NaN").contains("parse error"));
  }

  @Test
  void parse_allowsSurroundingWhitespace() {
    assertEquals(List.of(1L), JsonParser.parse(" \n\t[1]\r\n "));
    assertNull(JsonParser.parse("null"));
  }
}
