package org.modsvc.nix.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonWriterTest {

  @Test
  void quote_escapesLikeNixToJson_forCorpusString() {
    assertEquals("\"foo\\n\\\"bar\\\"\"", JsonWriter.quote("foo\n\"bar\""));
  }

  @Test
  void quote_escapesControlCharacters() {
    assertEquals("\"\\u0001\\b\\t\\n\\f\\r\\u001f\"", JsonWriter.quote("\u0001\b\t\n\f\r\u001f"));
  }

  @Test
  void quote_leavesSlashDelAndNonAsciiAlone() {
    assertEquals(
        "\"a/b\u007f\u00e9\u2028\uD83D\uDE00\"",
        JsonWriter.quote("a/b\u007f\u00e9\u2028\uD83D\uDE00"));
  }

  @Test
  void quote_escapesBackslash() {
    assertEquals("\"\\\\\"", JsonWriter.quote("\\"));
  }

  @Test
  void formatFloat_printsShortestRoundTrip() {
    assertEquals("1.44", JsonWriter.formatFloat(1.44));
    assertEquals("0.30000000000000004", JsonWriter.formatFloat(0.1 + 0.2));
    assertEquals("0.3333333333333333", JsonWriter.formatFloat(1.0 / 3));
  }

  @Test
  void formatFloat_keepsFractionForIntegralValues() {
    assertEquals("1.0", JsonWriter.formatFloat(1.0));
    assertEquals("100000.0", JsonWriter.formatFloat(100000.0));
    assertEquals("100000000000000.0", JsonWriter.formatFloat(1e14));
    assertEquals("123456789.0", JsonWriter.formatFloat(123456789.0));
  }

  @Test
  void formatFloat_usesExponent_outsidePlainRange() {
    assertEquals("1e+15", JsonWriter.formatFloat(1e15));
    assertEquals("1e+20", JsonWriter.formatFloat(1e20));
    assertEquals("1.5e+300", JsonWriter.formatFloat(1.5e300));
    assertEquals("1e-05", JsonWriter.formatFloat(1e-5));
    assertEquals("5e-324", JsonWriter.formatFloat(Double.MIN_VALUE));
  }

  @Test
  void formatFloat_usesPlainNotation_forSmallExponents() {
    assertEquals("0.0001", JsonWriter.formatFloat(0.0001));
    assertEquals("-1.5", JsonWriter.formatFloat(-1.5));
  }

  @Test
  void formatFloat_handlesZeroAndNonFinite() {
    assertEquals("0.0", JsonWriter.formatFloat(0.0));
    assertEquals("-0.0", JsonWriter.formatFloat(-0.0));
    assertEquals("null", JsonWriter.formatFloat(Double.NaN));
    assertEquals("null", JsonWriter.formatFloat(Double.POSITIVE_INFINITY));
  }
}
