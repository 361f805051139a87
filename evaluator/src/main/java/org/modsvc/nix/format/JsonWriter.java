package org.modsvc.nix.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The scalar pieces of {@code builtins.toJSON} output. Current Nix serialises with nlohmann::json
 * ({@code dump()} without indentation, {@code ensure_ascii = false}); this class reproduces its
 * string escaping and float formatting. (Nix 2.8 wrote backslash-u0008 and backslash-u000c instead
 * of {@code \b}/{@code \f} and printed floats with {@code %g}; the language test-suite follows
 * current Nix.)
 */
public final class JsonWriter {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonWriter() {}

  /**
   * A JSON string literal, with quotes: escapes {@code "} {@code \} and control characters ({@code
   * \b \t \n \f \r}, others as lower-case backslash-u00XX); {@code /}, DEL and non-ASCII characters
   * are written as they are.
   */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2);
    quote(s, sb);
    return sb.toString();
  }

  /** Appends {@link #quote(String)} of {@code s} to {@code sb}. */
  public static void quote(String s, StringBuilder sb) {
    sb.append('"');
    int plain = 0;
    while (plain < s.length()) {
      char c = s.charAt(plain);
      if (c < 0x20 || c == '"' || c == '\\') break;
      plain++;
    }
    // Most strings need no escape: copy them whole (append(String) block-copies; a range is copied
    // char by char).
    if (plain == s.length()) {
      sb.append(s).append('"');
      return;
    }
    sb.append(s, 0, plain);
    for (int i = plain; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\b':
          sb.append("\\b");
          break;
        case '\t':
          sb.append("\\t");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\f':
          sb.append("\\f");
          break;
        case '\r':
          sb.append("\\r");
          break;
        default:
          if (c < 0x20) {
            sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          } else {
            sb.append(c);
          }
      }
    }
    sb.append('"');
  }

  /**
   * A float as nlohmann::json dumps it: the shortest decimal that reads back as the same double,
   * plain notation when 1e-4 <= |x| < 1e15 — always with a fraction ({@code 1.0 → "1.0"}, {@code
   * 100000.0 → "100000.0"}, {@code 1.44 → "1.44"}, {@code 0.0001 → "0.0001"}) — otherwise exponent
   * notation with at least two exponent digits ({@code 1e20 → "1e+20"}, {@code 1e-5 → "1e-05"},
   * {@code 1.5e300 → "1.5e+300"}); {@code -0.0 → "-0.0"}; NaN and infinities → {@code null}.
   */
  public static String formatFloat(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return "null";
    }
    String sign = FloatFormat.signBit(d) ? "-" : "";
    if (d == 0) {
      return sign + "0.0";
    }
    double abs = Math.abs(d);
    BigDecimal exact = new BigDecimal(abs);
    BigDecimal shortest = exact;
    for (int p = 1; p <= 17; p++) {
      BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (r.doubleValue() == abs) {
        shortest = r;
        break;
      }
    }
    String digits = FloatFormat.stripTrailingZeros(shortest.unscaledValue().toString());
    int k = digits.length();
    // n: position of the decimal point relative to the start of the digits (value = 0.d1d2… ×
    // 10^n).
    int n = shortest.unscaledValue().toString().length() - shortest.scale();
    StringBuilder sb = new StringBuilder(sign);
    if (k <= n && n <= 15) {
      sb.append(digits).append("0".repeat(n - k)).append(".0");
    } else if (0 < n && n <= 15) {
      sb.append(digits, 0, n).append('.').append(digits, n, k);
    } else if (-4 < n && n <= 0) {
      sb.append("0.").append("0".repeat(-n)).append(digits);
    } else {
      sb.append(digits.charAt(0));
      if (k > 1) {
        sb.append('.').append(digits, 1, k);
      }
      int e = n - 1;
      sb.append('e').append(e < 0 ? '-' : '+');
      int a = Math.abs(e);
      if (a < 10) {
        sb.append('0');
      }
      sb.append(a);
    }
    return sb.toString();
  }
}
