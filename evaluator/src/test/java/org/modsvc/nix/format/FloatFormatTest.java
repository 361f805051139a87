package org.modsvc.nix.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected strings were obtained from nix-instantiate 2.8 and the corpus .exp files. */
class NixFloatTest {

  @Test
  void toDisplayString_matchesNixValuePrinting() {
    assertEquals("1.5", FloatFormat.toDisplayString(1.5));
    assertEquals("0.1", FloatFormat.toDisplayString(0.1));
    assertEquals("1", FloatFormat.toDisplayString(1.0));
    assertEquals("3.4", FloatFormat.toDisplayString(1.1 + 2.3));
    assertEquals("0.3", FloatFormat.toDisplayString(0.1 + 0.2));
    assertEquals("0.333333", FloatFormat.toDisplayString(1.0 / 3));
    assertEquals("0.666667", FloatFormat.toDisplayString(2.0 / 3));
    assertEquals("123457", FloatFormat.toDisplayString(123456.7));
    assertEquals("100000", FloatFormat.toDisplayString(100000.0));
    assertEquals("0.0001", FloatFormat.toDisplayString(0.0001));
    assertEquals("-1.5", FloatFormat.toDisplayString(-1.5));
  }

  @Test
  void toDisplayString_usesExponent_likePercentG() {
    assertEquals("1e+20", FloatFormat.toDisplayString(1e20));
    assertEquals("1.23457e+08", FloatFormat.toDisplayString(123456789.0));
    assertEquals("1e+06", FloatFormat.toDisplayString(1e6));
    assertEquals("1.23457e+06", FloatFormat.toDisplayString(1234567.0));
    assertEquals("1e-05", FloatFormat.toDisplayString(1e-5));
    assertEquals("5e-07", FloatFormat.toDisplayString(0.5e-6));
    assertEquals("1e+300", FloatFormat.toDisplayString(1e300));
    assertEquals("1.79769e+308", FloatFormat.toDisplayString(Double.MAX_VALUE));
    assertEquals("9.99989e-321", FloatFormat.toDisplayString(1.0e-300 * 1.0e-20));
  }

  @Test
  void toDisplayString_matchesTomlCorpusFloats() {
    assertEquals("5e+22", FloatFormat.toDisplayString(5e22));
    assertEquals("6.626e-34", FloatFormat.toDisplayString(6.626e-34));
    assertEquals("9.22462e+06", FloatFormat.toDisplayString(9224617.445991228313));
    assertEquals("-0.02", FloatFormat.toDisplayString(-2e-2));
  }

  @Test
  void toDisplayString_keepsSignOfNegativeZero() {
    assertEquals("-0", FloatFormat.toDisplayString(-0.0));
    assertEquals("0", FloatFormat.toDisplayString(0.0));
  }

  @Test
  void toDisplayString_printsNonFinite() {
    assertEquals("inf", FloatFormat.toDisplayString(Double.POSITIVE_INFINITY));
    assertEquals("-inf", FloatFormat.toDisplayString(Double.NEGATIVE_INFINITY));
    assertEquals("nan", FloatFormat.toDisplayString(Double.NaN));
  }

  @Test
  void toNixString_printsSixDecimals() {
    assertEquals("1.500000", FloatFormat.toNixString(1.5));
    assertEquals("0.100000", FloatFormat.toNixString(0.1));
    assertEquals("1.000000", FloatFormat.toNixString(1.0));
    assertEquals("0.000010", FloatFormat.toNixString(1e-5));
    assertEquals("123456.700000", FloatFormat.toNixString(123456.7));
    assertEquals("0.333333", FloatFormat.toNixString(1.0 / 3));
  }

  @Test
  void toNixString_expandsLargeValuesExactly() {
    assertEquals("100000000000000000000.000000", FloatFormat.toNixString(1e20));
    assertEquals(
        "123456789012345677877719597056.000000", FloatFormat.toNixString(123456789012345678e12));
  }

  @Test
  void toNixString_keepsSignOfNegativeZero() {
    assertEquals("-0.000000", FloatFormat.toNixString(-0.0));
  }
}
