package org.modsvc.nix.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The three ways Nix turns a float into text. They differ, so callers must pick by context:
 *
 * <ul>
 *   <li>{@link #toNixString(double)} — {@code builtins.toString 1.5} and {@code toString} coercion:
 *       C++ {@code std::to_string}, i.e. {@code printf("%f")}: {@code 1.5 → "1.500000"}, {@code 0.1
 *       → "0.100000"}, {@code 1e20 → "100000000000000000000.000000"}, {@code -0.0 → "-0.000000"}.
 *       (A float in string interpolation {@code "${1.5}"} is not this: Nix rejects it with {@code
 *       cannot coerce a float to a string}.)
 *   <li>{@link #toDisplayString(double)} — printing values ({@code nix-instantiate --eval}, error
 *       messages such as {@code a float with value '1' is not equal …}): C++ {@code ostream <<
 *       double}, i.e. {@code printf("%g")} with 6 significant digits: {@code 1.0 → "1"}, {@code 1.5
 *       → "1.5"}, {@code 1e6 → "1e+06"}, {@code 123456789.0 → "1.23457e+08"}, {@code 9224617.445 →
 *       "9.22462e+06"}, {@code 0.0001 → "0.0001"}, {@code 1e-5 → "1e-05"}, {@code -0.0 → "-0"}.
 *   <li>{@code builtins.toJSON}: see {@link JsonWriter#formatFloat(double)}.
 * </ul>
 *
 * Digits come from the exact binary value (like glibc), never from {@link Double#toString}. (The
 * float value itself is {@code org.modsvc.nix.value.NixFloat}; this class only writes it.)
 */
public final class FloatFormat {

  private FloatFormat() {}

  /** {@code std::to_string(double)}: fixed notation with exactly six decimals. */
  public static String toNixString(double d) {
    if (Double.isNaN(d)) {
      return signBit(d) ? "-nan" : "nan";
    }
    if (Double.isInfinite(d)) {
      return d < 0 ? "-inf" : "inf";
    }
    String s = new BigDecimal(d).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
    if (signBit(d) && !s.startsWith("-")) {
      s = "-" + s; // BigDecimal has no negative zero; printf keeps the sign of -0.0 and of tiny
      // negatives
    }
    return s;
  }

  /** {@code ostream << double} (default {@code %g}, precision 6), as Nix prints float values. */
  public static String toDisplayString(double d) {
    return formatG(d, 6);
  }

  /** C's {@code %.<precision>g} without the {@code #} flag (trailing zeros removed). */
  static String formatG(double d, int precision) {
    if (Double.isNaN(d)) {
      return signBit(d) ? "-nan" : "nan";
    }
    if (Double.isInfinite(d)) {
      return d < 0 ? "-inf" : "inf";
    }
    String sign = signBit(d) ? "-" : "";
    if (d == 0) {
      return sign + "0";
    }
    BigDecimal rounded =
        new BigDecimal(Math.abs(d)).round(new MathContext(precision, RoundingMode.HALF_EVEN));
    // Decimal exponent of the rounded value: rounded = digits * 10^-scale, digits has 'precision'
    // digits.
    String digits = rounded.unscaledValue().toString();
    int exp = digits.length() - 1 - rounded.scale();
    digits = stripTrailingZeros(digits);
    if (exp < -4 || exp >= precision) {
      StringBuilder sb = new StringBuilder(sign).append(digits.charAt(0));
      if (digits.length() > 1) {
        sb.append('.').append(digits, 1, digits.length());
      }
      sb.append('e').append(exp < 0 ? '-' : '+');
      int a = Math.abs(exp);
      if (a < 10) {
        sb.append('0');
      }
      return sb.append(a).toString();
    }
    return sign + placeDecimalPoint(digits, exp);
  }

  /** Writes digits d1d2d3… (value d1.d2d3… × 10^exp) in plain notation, without trailing zeros. */
  static String placeDecimalPoint(String digits, int exp) {
    StringBuilder sb = new StringBuilder();
    if (exp < 0) {
      sb.append("0.");
      sb.append("0".repeat(-exp - 1)).append(digits);
    } else if (digits.length() <= exp + 1) {
      sb.append(digits).append("0".repeat(exp + 1 - digits.length()));
    } else {
      sb.append(digits, 0, exp + 1).append('.').append(digits, exp + 1, digits.length());
    }
    return sb.toString();
  }

  static String stripTrailingZeros(String digits) {
    int end = digits.length();
    while (end > 1 && digits.charAt(end - 1) == '0') {
      end--;
    }
    return digits.substring(0, end);
  }

  static boolean signBit(double d) {
    return (Double.doubleToRawLongBits(d) & Long.MIN_VALUE) != 0;
  }
}
