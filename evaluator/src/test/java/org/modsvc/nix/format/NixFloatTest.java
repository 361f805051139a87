package org.modsvc.nix.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected strings were obtained from nix-instantiate 2.8 and the corpus .exp files. */
class NixFloatTest {

    @Test
    void toDisplayString_matchesNixValuePrinting() {
        assertEquals("1.5", NixFloat.toDisplayString(1.5));
        assertEquals("0.1", NixFloat.toDisplayString(0.1));
        assertEquals("1", NixFloat.toDisplayString(1.0));
        assertEquals("3.4", NixFloat.toDisplayString(1.1 + 2.3));
        assertEquals("0.3", NixFloat.toDisplayString(0.1 + 0.2));
        assertEquals("0.333333", NixFloat.toDisplayString(1.0 / 3));
        assertEquals("0.666667", NixFloat.toDisplayString(2.0 / 3));
        assertEquals("123457", NixFloat.toDisplayString(123456.7));
        assertEquals("100000", NixFloat.toDisplayString(100000.0));
        assertEquals("0.0001", NixFloat.toDisplayString(0.0001));
        assertEquals("-1.5", NixFloat.toDisplayString(-1.5));
    }

    @Test
    void toDisplayString_usesExponent_likePercentG() {
        assertEquals("1e+20", NixFloat.toDisplayString(1e20));
        assertEquals("1.23457e+08", NixFloat.toDisplayString(123456789.0));
        assertEquals("1e+06", NixFloat.toDisplayString(1e6));
        assertEquals("1.23457e+06", NixFloat.toDisplayString(1234567.0));
        assertEquals("1e-05", NixFloat.toDisplayString(1e-5));
        assertEquals("5e-07", NixFloat.toDisplayString(0.5e-6));
        assertEquals("1e+300", NixFloat.toDisplayString(1e300));
        assertEquals("1.79769e+308", NixFloat.toDisplayString(Double.MAX_VALUE));
        assertEquals("9.99989e-321", NixFloat.toDisplayString(1.0e-300 * 1.0e-20));
    }

    @Test
    void toDisplayString_matchesTomlCorpusFloats() {
        assertEquals("5e+22", NixFloat.toDisplayString(5e22));
        assertEquals("6.626e-34", NixFloat.toDisplayString(6.626e-34));
        assertEquals("9.22462e+06", NixFloat.toDisplayString(9224617.445991228313));
        assertEquals("-0.02", NixFloat.toDisplayString(-2e-2));
    }

    @Test
    void toDisplayString_keepsSignOfNegativeZero() {
        assertEquals("-0", NixFloat.toDisplayString(-0.0));
        assertEquals("0", NixFloat.toDisplayString(0.0));
    }

    @Test
    void toDisplayString_printsNonFinite() {
        assertEquals("inf", NixFloat.toDisplayString(Double.POSITIVE_INFINITY));
        assertEquals("-inf", NixFloat.toDisplayString(Double.NEGATIVE_INFINITY));
        assertEquals("nan", NixFloat.toDisplayString(Double.NaN));
    }

    @Test
    void toNixString_printsSixDecimals() {
        assertEquals("1.500000", NixFloat.toNixString(1.5));
        assertEquals("0.100000", NixFloat.toNixString(0.1));
        assertEquals("1.000000", NixFloat.toNixString(1.0));
        assertEquals("0.000010", NixFloat.toNixString(1e-5));
        assertEquals("123456.700000", NixFloat.toNixString(123456.7));
        assertEquals("0.333333", NixFloat.toNixString(1.0 / 3));
    }

    @Test
    void toNixString_expandsLargeValuesExactly() {
        assertEquals("100000000000000000000.000000", NixFloat.toNixString(1e20));
        assertEquals("123456789012345677877719597056.000000", NixFloat.toNixString(123456789012345678e12));
    }

    @Test
    void toNixString_keepsSignOfNegativeZero() {
        assertEquals("-0.000000", NixFloat.toNixString(-0.0));
    }
}
