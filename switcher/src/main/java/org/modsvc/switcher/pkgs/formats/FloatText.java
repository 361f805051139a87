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
   * never an exponent) with {@code .0} added to a whole number; {@code inf}, {@code nan} as TOML spells them.
   */
  static String rustDisplay(double d) {
    boolean negative = Double.doubleToRawLongBits(d) < 0;
    if (Double.isNaN(d)) return negative ? "-nan" : "nan";
    if (Double.isInfinite(d)) return negative ? "-inf" : "inf";
    if (d == 0) return negative ? "-0.0" : "0.0";
    String s = shortest(d).stripTrailingZeros().toPlainString();
    return s.indexOf('.') >= 0 ? s : s + ".0";
  }

  /**
   * Python's {@code repr} of a float: the shortest digits, positional from 1e-4 up to 1e16 (with
   * {@code .0} when whole), otherwise {@code d.ddde+XX}.
   */
  static String pythonRepr(double d) {
    boolean negative = Double.doubleToRawLongBits(d) < 0;
    if (Double.isNaN(d)) return "nan";
    if (Double.isInfinite(d)) return negative ? "-inf" : "inf";
    if (d == 0) return negative ? "-0.0" : "0.0";
    BigDecimal b = shortest(Math.abs(d)).stripTrailingZeros();
    String digits = b.unscaledValue().toString();
    int exponent = digits.length() - 1 - b.scale();
    String sign = negative ? "-" : "";
    if (exponent >= -4 && exponent < 16) {
      String plain = b.toPlainString();
      return sign + (plain.indexOf('.') >= 0 ? plain : plain + ".0");
    }
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
  }

  /**
   * serde_json's float text (ryu): positional with {@code .0} when whole for magnitudes from 1e-5 up
   * to 1e16, else {@code 1e20}, {@code 1.5e-7}.
   */
  static String ryu(double d) {
    return rust(d, -5, 16);
  }

  /** Rust's {@code {:?}} of an f64: positional from 1e-4 up to 1e16, else {@code 1e20}, {@code 1e-5}. */
  static String rustDebug(double d) {
    return rust(d, -4, 16);
  }

  /** Shortest digits, positional when {@code min <= exponent < max} (decimal exponent of the first digit). */
  private static String rust(double d, int min, int max) {
    boolean negative = Double.doubleToRawLongBits(d) < 0;
    if (Double.isNaN(d)) return "NaN";
    if (Double.isInfinite(d)) return negative ? "-inf" : "inf";
    if (d == 0) return negative ? "-0.0" : "0.0";
    BigDecimal b = shortest(Math.abs(d)).stripTrailingZeros();
    String digits = b.unscaledValue().toString();
    int exponent = digits.length() - 1 - b.scale();
    String sign = negative ? "-" : "";
    if (exponent >= min && exponent < max) {
      String plain = b.toPlainString();
      return sign + (plain.indexOf('.') >= 0 ? plain : plain + ".0");
    }
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return sign + mantissa + "e" + exponent;
  }
}
