package org.modsvc.nix.format;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict JSON (RFC 8259) parser for {@code builtins.fromJSON}, producing {@code
 * LinkedHashMap<String,Object>}, {@code List<Object>}, {@code Long}, {@code Double}, {@code
 * Boolean}, {@code String} and {@code null}.
 *
 * <p>Numbers follow Nix (nlohmann::json underneath): an integer literal that fits in a signed
 * 64-bit {@code long} is a {@code Long}; a positive one up to 2^64-1 is an error ({@code unsigned
 * json number … outside of Nix integer range}); anything larger, or below -2^63, becomes a {@code
 * Double}; a literal with a fraction or exponent is always a {@code Double} ({@code 1.0} is the
 * float 1). A float literal that overflows to infinity is an error. Duplicate object keys: the last
 * one wins. Strings containing NUL are rejected as Nix does.
 */
public final class JsonParser {

  private static final BigInteger UNSIGNED_MAX =
      BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private final String text;
  private int pos;

  private JsonParser(String text) {
    this.text = text;
  }

  /** Parses one complete JSON document (surrounding whitespace allowed). */
  public static Object parse(String json) {
    JsonParser p = new JsonParser(json);
    p.skipWhitespace();
    Object v = p.value();
    p.skipWhitespace();
    if (p.pos < p.text.length()) {
      throw p.syntax(p.pos, "unexpected " + p.describeToken(p.pos) + "; expected end of input");
    }
    return v;
  }

  private Object value() {
    if (pos >= text.length()) {
      throw syntax(pos, "unexpected end of input; expected '[', '{', or a literal");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw syntax(pos, "unexpected " + describeToken(pos) + "; expected '[', '{', or a literal");
    }
  }

  private Map<String, Object> object() {
    pos++; // '{'
    Map<String, Object> map = new LinkedHashMap<>();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      return map;
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw syntax(pos, "unexpected " + describeToken(pos) + "; expected string literal");
      }
      String key = string();
      skipWhitespace();
      if (peek() != ':') {
        throw syntax(pos, "unexpected " + describeToken(pos) + "; expected ':'");
      }
      pos++;
      skipWhitespace();
      Object v = value();
      map.remove(key); // last duplicate wins
      map.put(key, v);
      skipWhitespace();
      char c = peek();
      if (c == ',') {
        pos++;
      } else if (c == '}') {
        pos++;
        return map;
      } else {
        throw syntax(pos, "unexpected " + describeToken(pos) + "; expected '}'");
      }
    }
  }

  private List<Object> array() {
    pos++; // '['
    List<Object> list = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      return list;
    }
    while (true) {
      skipWhitespace();
      list.add(value());
      skipWhitespace();
      char c = peek();
      if (c == ',') {
        pos++;
      } else if (c == ']') {
        pos++;
        return list;
      } else {
        throw syntax(pos, "unexpected " + describeToken(pos) + "; expected ']'");
      }
    }
  }

  private String string() {
    int start = pos;
    pos++; // opening quote
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw syntax(
            pos, "invalid string: missing closing quote; last read: '" + lastRead(start) + "'");
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        break;
      }
      if (c < 0x20) {
        throw syntax(
            pos - 1,
            String.format("invalid string: control character U+%04X must be escaped", (int) c));
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (pos >= text.length()) {
        throw syntax(pos, "invalid string: missing closing quote");
      }
      char e = text.charAt(pos++);
      switch (e) {
        case '"':
          sb.append('"');
          break;
        case '\\':
          sb.append('\\');
          break;
        case '/':
          sb.append('/');
          break;
        case 'b':
          sb.append('\b');
          break;
        case 'f':
          sb.append('\f');
          break;
        case 'n':
          sb.append('\n');
          break;
        case 'r':
          sb.append('\r');
          break;
        case 't':
          sb.append('\t');
          break;
        case 'u':
          {
            int cp = hex4();
            if (cp >= 0xD800 && cp <= 0xDBFF) {
              if (pos + 1 < text.length()
                  && text.charAt(pos) == '\\'
                  && text.charAt(pos + 1) == 'u') {
                pos += 2;
                int low = hex4();
                if (low < 0xDC00 || low > 0xDFFF) {
                  throw syntax(
                      pos,
                      "invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF");
                }
                sb.append((char) cp).append((char) low);
              } else {
                throw syntax(
                    pos,
                    "invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF");
              }
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
              throw syntax(
                  pos, "invalid string: surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF");
            } else {
              sb.append((char) cp);
            }
            break;
          }
        default:
          throw syntax(pos - 1, "invalid string: forbidden character after backslash");
      }
    }
    String s = sb.toString();
    if (s.indexOf('\0') >= 0) {
      throw new JsonException(NixStrings.nullByteMessage(s));
    }
    return s;
  }

  private int hex4() {
    if (pos + 4 > text.length()) {
      throw syntax(text.length(), "invalid string: '\\u' must be followed by 4 hex digits");
    }
    int v = 0;
    for (int i = 0; i < 4; i++) {
      int d = Character.digit(text.charAt(pos + i), 16);
      if (d < 0 || text.charAt(pos + i) > 0x7F) {
        throw syntax(pos + i, "invalid string: '\\u' must be followed by 4 hex digits");
      }
      v = v * 16 + d;
    }
    pos += 4;
    return v;
  }

  private Object number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
    } else if (isDigit(peek())) {
      while (isDigit(peek())) {
        pos++;
      }
    } else {
      throw syntax(pos, "invalid number; expected digit after '-'");
    }
    boolean integral = true;
    if (peek() == '.') {
      integral = false;
      pos++;
      if (!isDigit(peek())) {
        throw syntax(pos, "invalid number; expected digit after '.'");
      }
      while (isDigit(peek())) {
        pos++;
      }
    }
    if (peek() == 'e' || peek() == 'E') {
      integral = false;
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!isDigit(peek())) {
        throw syntax(pos, "invalid number; expected digit after exponent sign");
      }
      while (isDigit(peek())) {
        pos++;
      }
    }
    String lit = text.substring(start, pos);
    if (integral) {
      BigInteger big = new BigInteger(lit);
      if (big.bitLength() < 64) {
        return big.longValue();
      }
      if (big.signum() > 0 && big.compareTo(UNSIGNED_MAX) <= 0) {
        throw new JsonException("unsigned json number " + lit + " outside of Nix integer range");
      }
    }
    double d = Double.parseDouble(lit);
    if (Double.isInfinite(d)) {
      throw new JsonException(
          "[json.exception.out_of_range.406] number overflow parsing '" + lit + "'");
    }
    return d;
  }

  private Object literal(String word, Object value) {
    int start = pos;
    for (int i = 0; i < word.length(); i++) {
      if (pos >= text.length() || text.charAt(pos) != word.charAt(i)) {
        int at = Math.min(pos + 1, text.length());
        throw syntax(pos, "invalid literal; last read: '" + text.substring(start, at) + "'");
      }
      pos++;
    }
    return value;
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\uFFFF';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private String describeToken(int at) {
    if (at >= text.length()) {
      return "end of input";
    }
    char c = text.charAt(at);
    if (c == '-' || isDigit(c)) {
      return "number literal";
    }
    if (c == '"') {
      return "string literal";
    }
    return "'" + c + "'";
  }

  private String lastRead(int start) {
    return text.substring(start, Math.min(text.length(), start + 40));
  }

  private JsonException syntax(int at, String detail) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < at && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    int column = at - lineStart + 1;
    return new JsonException(
        "[json.exception.parse_error.101] parse error at line "
            + line
            + ", column "
            + column
            + ": syntax error while parsing value - "
            + detail);
  }
}
