package org.modsvc.switcher.pkgs.formats;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Float texts of the tools the formats reproduce. */
final class FloatText {
  private FloatText() {}

  /** The fewest significant digits that read back as {@code d} (d finite, not zero). */
  static BigDecimal shortest(double d) {
    BigDecimal exact = new BigDecimal(d);
    for (int p = 1; p < 17; p++) {
      BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (r.doubleValue() == d) return r;
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
  }

  /**
   * TOML's float as toml_writer writes it: Rust's {@code Display} of the double (shortest digits,
   * never an exponent) with {@code .0} added to a whole number; {@code inf}, {@code nan} as TOML
   * spells them.
   */
  static String rustDisplay(double d) {
    if (Double.isNaN(d)) return Double.doubleToRawLongBits(d) < 0 ? "-nan" : "nan";
    return notation(d, Integer.MIN_VALUE, Integer.MAX_VALUE, false);
  }

  /**
   * Python's {@code repr} of a float: the shortest digits, positional from 1e-4 up to 1e16 (with
   * {@code .0} when whole), otherwise {@code d.ddde+XX}.
   */
  static String pythonRepr(double d) {
    if (Double.isNaN(d)) return "nan";
    return notation(d, -4, 16, true);
  }

  /**
   * serde_json's float text (ryu): positional with {@code .0} when whole for magnitudes from 1e-5
   * up to 1e16, else {@code 1e20}, {@code 1.5e-7}.
   */
  static String ryu(double d) {
    return rust(d, -5, 16);
  }

  /**
   * Rust's {@code {:?}} of an f64: positional from 1e-4 up to 1e16, else {@code 1e20}, {@code
   * 1e-5}.
   */
  static String rustDebug(double d) {
    return rust(d, -4, 16);
  }

  private static String rust(double d, int min, int max) {
    if (Double.isNaN(d)) return "NaN";
    return notation(d, min, max, false);
  }

  /**
   * Shortest digits: positional (with {@code .0} when whole) when {@code min <= exponent < max}
   * (the decimal exponent of the first digit), else {@code d.ddde<exponent>}; Python writes the
   * exponent with a sign and at least two digits ({@code 1e+16}, {@code 1e-05}), Rust as a plain
   * integer.
   */
  private static String notation(double d, int min, int max, boolean pythonExponent) {
    boolean negative = Double.doubleToRawLongBits(d) < 0;
    String sign = negative ? "-" : "";
    if (Double.isInfinite(d)) return sign + "inf";
    if (d == 0) return sign + "0.0";
    BigDecimal b = shortest(Math.abs(d)).stripTrailingZeros();
    String digits = b.unscaledValue().toString();
    int exponent = digits.length() - 1 - b.scale();
    if (exponent >= min && exponent < max) {
      String plain = b.toPlainString();
      return sign + (plain.indexOf('.') >= 0 ? plain : plain + ".0");
    }
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String e =
        pythonExponent
            ? (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent)
            : Integer.toString(exponent);
    return sign + mantissa + "e" + e;
  }
}
