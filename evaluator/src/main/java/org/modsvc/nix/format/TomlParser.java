package org.modsvc.nix.format;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TOML v1.0.0 parser for {@code builtins.fromTOML}. Produces {@code LinkedHashMap<String,Object>}
 * tables, {@code List<Object>} arrays, {@code Long}, {@code Double}, {@code Boolean}, {@code
 * String} and {@link Timestamp} for the four date/time types.
 *
 * <p>Timestamps are normalised the way Nix's toml11 prints them: {@code T} separator, upper-case
 * {@code Z}, fractional seconds padded to 3, 6 or 9 digits and cut after 9 ({@code 07:32:00.1234 →
 * 07:32:00.123400}). Nix only accepts them with the experimental feature {@code
 * parse-toml-timestamps} (then each becomes {@code { _type = "timestamp"; value = …; }}); {@link
 * #parse(String)} rejects them with Nix's message {@code Dates and times are not supported}.
 *
 * <p>Table rules enforced: no duplicate keys, a {@code [table]} defined once, no re-opening of
 * tables defined by dotted keys or inline tables, no appending to static arrays.
 */
public final class TomlParser {

  /**
   * A TOML date, time or date-time, as normalised text (e.g. {@code
   * 1979-05-27T00:32:00.999999-07:00}).
   */
  public record Timestamp(String text) {}

  private static final Pattern DATE_TIME =
      Pattern.compile(
          "(\\d{4})-(\\d{2})-(\\d{2})[Tt ](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?([Zz]|[+-]\\d{2}:\\d{2})?");
  private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final Pattern TIME = Pattern.compile("(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?");
  private static final Pattern DEC_INT = Pattern.compile("[+-]?(?:0|[1-9](?:_?[0-9])*)");
  private static final Pattern HEX_INT = Pattern.compile("0x[0-9A-Fa-f](?:_?[0-9A-Fa-f])*");
  private static final Pattern OCT_INT = Pattern.compile("0o[0-7](?:_?[0-7])*");
  private static final Pattern BIN_INT = Pattern.compile("0b[01](?:_?[01])*");
  private static final Pattern FLOAT =
      Pattern.compile(
          "[+-]?(?:0|[1-9](?:_?[0-9])*)(?:\\.[0-9](?:_?[0-9])*)?(?:[eE][+-]?[0-9](?:_?[0-9])*)?");

  private final String src;
  private final boolean allowTimestamps;
  private int pos;

  private final Map<String, Object> root = new LinkedHashMap<>();

  /** Tables opened by a [header]; a second header for them is an error. */
  private final Set<Object> headerDefined = identitySet();

  /** Tables created by dotted keys; they cannot be opened by a [header] later. */
  private final Set<Object> dottedDefined = identitySet();

  /** Inline tables and static arrays: complete once written. */
  private final Set<Object> frozen = identitySet();

  /** Arrays created by [[header]]. */
  private final Set<Object> tableArrays = identitySet();

  private TomlParser(String src, boolean allowTimestamps) {
    this.src = src;
    this.allowTimestamps = allowTimestamps;
  }

  /**
   * Parses a document; date/time values are rejected as Nix does without the experimental feature.
   */
  public static Map<String, Object> parse(String toml) {
    return parse(toml, false);
  }

  /** Parses a document; with {@code allowTimestamps} dates and times become {@link Timestamp}s. */
  public static Map<String, Object> parse(String toml, boolean allowTimestamps) {
    TomlParser p = new TomlParser(toml, allowTimestamps);
    p.document();
    return p.root;
  }

  // ---- document structure
  // --------------------------------------------------------------------------

  private void document() {
    Map<String, Object> current = root;
    while (true) {
      skipWsCommentsNewlines();
      if (pos >= src.length()) {
        return;
      }
      if (startsWith("[[")) {
        pos += 2;
        List<String> key = key();
        expect("]]", "toml::parse_array_table_key", "expected ']]'");
        current = arrayTable(key);
      } else if (peek() == '[') {
        pos++;
        List<String> key = key();
        expect("]", "toml::parse_table_key", "expected ']'");
        current = table(key);
      } else {
        keyValue(current);
      }
      endOfLine();
    }
  }

  private Map<String, Object> table(List<String> key) {
    int at = pos;
    Map<String, Object> parent = walkHeader(key, at);
    String last = key.get(key.size() - 1);
    Object existing = parent.get(last);
    if (existing == null) {
      Map<String, Object> t = new LinkedHashMap<>();
      parent.put(last, t);
      headerDefined.add(t);
      return t;
    }
    if (existing instanceof Map
        && !headerDefined.contains(existing)
        && !dottedDefined.contains(existing)
        && !frozen.contains(existing)) {
      headerDefined.add(existing);
      return asTable(existing);
    }
    throw error(
        at,
        "toml::insert_value",
        "table `" + String.join(".", key) + "` already exists",
        "table defined twice");
  }

  private Map<String, Object> arrayTable(List<String> key) {
    int at = pos;
    Map<String, Object> parent = walkHeader(key, at);
    String last = key.get(key.size() - 1);
    Object existing = parent.get(last);
    Map<String, Object> t = new LinkedHashMap<>();
    if (existing == null) {
      List<Object> list = new ArrayList<>();
      tableArrays.add(list);
      parent.put(last, list);
      list.add(t);
    } else if (tableArrays.contains(existing)) {
      asList(existing).add(t);
    } else {
      throw error(
          at,
          "toml::insert_value",
          "`" + String.join(".", key) + "` is not an array of tables",
          "array of tables conflicts with existing value");
    }
    return t;
  }

  /**
   * Walks the super-tables of a [header] key, creating implicit tables; returns the parent table.
   */
  private Map<String, Object> walkHeader(List<String> key, int at) {
    Map<String, Object> t = root;
    for (int i = 0; i < key.size() - 1; i++) {
      Object next = t.get(key.get(i));
      if (next == null) {
        Map<String, Object> created = new LinkedHashMap<>();
        t.put(key.get(i), created);
        t = created;
      } else if (tableArrays.contains(next)) {
        List<Object> list = asList(next);
        t = asTable(list.get(list.size() - 1));
      } else if (next instanceof Map && !frozen.contains(next)) {
        t = asTable(next);
      } else {
        throw error(
            at,
            "toml::insert_value",
            "`" + key.get(i) + "` is not a table",
            "conflicts with existing value");
      }
    }
    return t;
  }

  private void keyValue(Map<String, Object> table) {
    int keyStart = pos;
    List<String> key = key();
    skipWs();
    if (peek() != '=') {
      throw error(pos, "toml::parse_key_value_pair", "expected '=' after key", "expected '='");
    }
    pos++;
    skipWs();
    Object value = value();
    Map<String, Object> t = table;
    for (int i = 0; i < key.size() - 1; i++) {
      Object next = t.get(key.get(i));
      if (next == null) {
        Map<String, Object> created = new LinkedHashMap<>();
        dottedDefined.add(created);
        t.put(key.get(i), created);
        t = created;
      } else if (next instanceof Map && dottedDefined.contains(next) && !frozen.contains(next)) {
        t = asTable(next);
      } else {
        throw error(
            keyStart,
            "toml::insert_value",
            "`" + key.get(i) + "` is already defined",
            "cannot extend this value with a dotted key");
      }
    }
    String last = key.get(key.size() - 1);
    if (t.containsKey(last)) {
      throw error(
          keyStart,
          "toml::insert_value",
          "key `" + String.join(".", key) + "` is already defined",
          "duplicate key");
    }
    t.put(last, value);
  }

  // ---- keys
  // ----------------------------------------------------------------------------------------

  private List<String> key() {
    List<String> parts = new ArrayList<>();
    while (true) {
      skipWs();
      parts.add(simpleKey());
      skipWs();
      if (peek() != '.') {
        return parts;
      }
      pos++;
    }
  }

  private String simpleKey() {
    char c = peek();
    String k;
    if (c == '"') {
      k = basicString();
    } else if (c == '\'') {
      k = literalString();
    } else {
      int start = pos;
      while (pos < src.length() && isBareKeyChar(src.charAt(pos))) {
        pos++;
      }
      if (start == pos) {
        throw error(
            pos,
            "toml::parse_key",
            "expected a key",
            "bare key, \"quoted\" or 'literal' key expected");
      }
      return src.substring(start, pos);
    }
    return k;
  }

  private static boolean isBareKeyChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '-';
  }

  // ---- values
  // --------------------------------------------------------------------------------------

  private Object value() {
    char c = peek();
    if (startsWith("\"\"\"")) {
      return multilineBasicString();
    }
    if (c == '"') {
      return basicString();
    }
    if (startsWith("'''")) {
      return multilineLiteralString();
    }
    if (c == '\'') {
      return literalString();
    }
    if (c == '[') {
      return array();
    }
    if (c == '{') {
      return inlineTable();
    }
    if (startsWith("true") && !isTokenChar(peekAt(pos + 4))) {
      pos += 4;
      return Boolean.TRUE;
    }
    if (startsWith("false") && !isTokenChar(peekAt(pos + 5))) {
      pos += 5;
      return Boolean.FALSE;
    }
    return scalarToken();
  }

  private List<Object> array() {
    pos++; // '['
    List<Object> list = new ArrayList<>();
    while (true) {
      skipWsCommentsNewlines();
      if (peek() == ']') {
        pos++;
        break;
      }
      list.add(value());
      skipWsCommentsNewlines();
      if (peek() == ',') {
        pos++;
      } else if (peek() == ']') {
        pos++;
        break;
      } else {
        throw error(
            pos, "toml::parse_array", "expected ',' or ']' in array", "unexpected character");
      }
    }
    frozen.add(list);
    return list;
  }

  private Map<String, Object> inlineTable() {
    pos++; // '{'
    Map<String, Object> t = new LinkedHashMap<>();
    skipWs();
    if (peek() == '}') {
      pos++;
      frozen.add(t);
      return t;
    }
    while (true) {
      skipWs();
      keyValue(t);
      skipWs();
      if (peek() == ',') {
        pos++;
      } else if (peek() == '}') {
        pos++;
        break;
      } else {
        throw error(
            pos,
            "toml::parse_inline_table",
            "expected ',' or '}' in inline table",
            "unexpected character");
      }
    }
    freezeDeep(t);
    return t;
  }

  /** Inline tables are complete: neither they nor their dotted sub-tables may be extended later. */
  private void freezeDeep(Object v) {
    if (v instanceof Map) {
      frozen.add(v);
      for (Object child : asTable(v).values()) {
        freezeDeep(child);
      }
    }
  }

  /** Numbers, inf/nan and dates: read the whole token, then classify it. */
  private Object scalarToken() {
    int start = pos;
    while (pos < src.length() && isTokenChar(src.charAt(pos))) {
      pos++;
    }
    // "1979-05-27 07:32:00": a date followed by a space and a time is one date-time.
    if (DATE.matcher(src.substring(start, pos)).matches()
        && peek() == ' '
        && pos + 3 < src.length()
        && isDigit(src.charAt(pos + 1))
        && isDigit(src.charAt(pos + 2))
        && src.charAt(pos + 3) == ':') {
      pos++;
      while (pos < src.length() && isTokenChar(src.charAt(pos))) {
        pos++;
      }
    }
    String tok = src.substring(start, pos);
    if (tok.isEmpty()) {
      throw error(start, "toml::parse_value", "unknown value", "expected a value");
    }
    switch (tok) {
      case "inf":
      case "+inf":
        return Double.POSITIVE_INFINITY;
      case "-inf":
        return Double.NEGATIVE_INFINITY;
      case "nan":
      case "+nan":
        return Double.NaN;
      case "-nan":
        return -Double.NaN;
      default:
        break;
    }
    if (DEC_INT.matcher(tok).matches()) {
      try {
        return Long.parseLong(tok.replace("_", ""));
      } catch (NumberFormatException e) {
        throw error(
            pos,
            "toml::parse_dec_integer",
            "too large integer: current max digits = 2^63",
            "must be < 2^63");
      }
    }
    if (HEX_INT.matcher(tok).matches()) {
      return radix(tok, 16, start);
    }
    if (OCT_INT.matcher(tok).matches()) {
      return radix(tok, 8, start);
    }
    if (BIN_INT.matcher(tok).matches()) {
      return radix(tok, 2, start);
    }
    if (FLOAT.matcher(tok).matches()
        && (tok.indexOf('.') >= 0 || tok.indexOf('e') >= 0 || tok.indexOf('E') >= 0)) {
      return Double.parseDouble(tok.replace("_", ""));
    }
    Timestamp ts = timestamp(tok, start);
    if (ts != null) {
      if (!allowTimestamps) {
        throw new TomlException("Dates and times are not supported", 0, 0);
      }
      return ts;
    }
    throw error(start, "toml::parse_value", "unknown value `" + tok + "`", "expected a value");
  }

  private long radix(String tok, int radix, int start) {
    String digits = tok.substring(2).replace("_", "");
    try {
      return Long.parseLong(digits, radix);
    } catch (NumberFormatException e) {
      String name = radix == 16 ? "hex" : radix == 8 ? "oct" : "bin";
      throw error(
          pos,
          "toml::parse_" + name + "_integer",
          "too large integer: current max value = 2^63",
          "must be < 2^63");
    }
  }

  private Timestamp timestamp(String tok, int start) {
    Matcher m = DATE_TIME.matcher(tok);
    if (m.matches()) {
      checkDate(m.group(1), m.group(2), m.group(3), start);
      checkTime(m.group(4), m.group(5), m.group(6), start);
      String offset = m.group(8) == null ? "" : m.group(8).equals("z") ? "Z" : m.group(8);
      return new Timestamp(
          m.group(1)
              + "-"
              + m.group(2)
              + "-"
              + m.group(3)
              + "T"
              + m.group(4)
              + ":"
              + m.group(5)
              + ":"
              + m.group(6)
              + fraction(m.group(7))
              + offset);
    }
    m = DATE.matcher(tok);
    if (m.matches()) {
      checkDate(m.group(1), m.group(2), m.group(3), start);
      return new Timestamp(tok);
    }
    m = TIME.matcher(tok);
    if (m.matches()) {
      checkTime(m.group(1), m.group(2), m.group(3), start);
      return new Timestamp(m.group(1) + ":" + m.group(2) + ":" + m.group(3) + fraction(m.group(4)));
    }
    return null;
  }

  /**
   * toml11 keeps milli-, micro- or nanosecond precision: pad to 3, 6 or 9 digits, drop the rest.
   */
  private static String fraction(String digits) {
    if (digits == null) {
      return "";
    }
    int width = digits.length() <= 3 ? 3 : digits.length() <= 6 ? 6 : 9;
    String padded = (digits + "000000000").substring(0, width);
    return "." + padded;
  }

  private void checkDate(String y, String mo, String d, int at) {
    int year = Integer.parseInt(y);
    int month = Integer.parseInt(mo);
    int day = Integer.parseInt(d);
    int[] days = {
      31,
      (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28,
      31,
      30,
      31,
      30,
      31,
      31,
      30,
      31,
      30,
      31
    };
    if (month < 1 || month > 12 || day < 1 || day > days[month - 1]) {
      throw error(at, "toml::parse_local_date", "invalid date", "no such date");
    }
  }

  private void checkTime(String h, String mi, String s, int at) {
    if (Integer.parseInt(h) > 23 || Integer.parseInt(mi) > 59 || Integer.parseInt(s) > 60) {
      throw error(at, "toml::parse_local_time", "invalid time", "no such time");
    }
  }

  // ---- strings
  // -------------------------------------------------------------------------------------

  private String basicString() {
    int start = pos;
    pos++; // '"'
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= src.length() || src.charAt(pos) == '\n' || src.charAt(pos) == '\r') {
        throw error(
            start, "toml::parse_basic_string", "unterminated string", "missing closing '\"'");
      }
      char c = src.charAt(pos);
      if (c == '"') {
        pos++;
        break;
      }
      if (c == '\\') {
        escape(sb);
      } else {
        checkControl(c);
        sb.append(c);
        pos++;
      }
    }
    return checkNul(sb.toString());
  }

  private String multilineBasicString() {
    int start = pos;
    pos += 3;
    skipNewlineOnce();
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= src.length()) {
        throw error(
            start,
            "toml::parse_ml_basic_string",
            "unterminated multi-line string",
            "missing closing '\"\"\"'");
      }
      if (startsWith("\"\"\"")) {
        // Up to two extra quotes directly before the delimiter belong to the content.
        int quotes = 3;
        while (quotes < 5 && peekAt(pos + quotes) == '"') {
          quotes++;
        }
        sb.append("\"".repeat(quotes - 3));
        pos += quotes;
        break;
      }
      char c = src.charAt(pos);
      if (c == '\\') {
        int save = pos;
        pos++;
        skipWs();
        if (peek() == '\n' || startsWith("\r\n")) {
          // Line-ending backslash: drop the newline and all following whitespace.
          while (pos < src.length()
              && (isWs(src.charAt(pos)) || src.charAt(pos) == '\n' || src.charAt(pos) == '\r')) {
            pos++;
          }
          continue;
        }
        pos = save;
        escape(sb);
      } else {
        if (c != '\n' && c != '\r') {
          checkControl(c);
        }
        sb.append(c);
        pos++;
      }
    }
    return checkNul(sb.toString());
  }

  private String literalString() {
    int start = pos;
    pos++; // '\''
    int end = src.indexOf('\'', pos);
    int nl = indexOfNewline(pos);
    if (end < 0 || (nl >= 0 && nl < end)) {
      throw error(
          start,
          "toml::parse_literal_string",
          "unterminated literal string",
          "missing closing \"'\"");
    }
    String s = src.substring(pos, end);
    for (int i = 0; i < s.length(); i++) {
      checkControl(s.charAt(i));
    }
    pos = end + 1;
    return checkNul(s);
  }

  private String multilineLiteralString() {
    int start = pos;
    pos += 3;
    skipNewlineOnce();
    int end = src.indexOf("'''", pos);
    if (end < 0) {
      throw error(
          start,
          "toml::parse_ml_literal_string",
          "unterminated multi-line literal string",
          "missing closing \"'''\"");
    }
    int extra = 0;
    while (extra < 2 && peekAt(end + 3 + extra) == '\'') {
      extra++;
    }
    String s = src.substring(pos, end + extra);
    pos = end + 3 + extra;
    return checkNul(s);
  }

  private void escape(StringBuilder sb) {
    int at = pos;
    pos++; // backslash
    char e = peek();
    pos++;
    switch (e) {
      case 'b':
        sb.append('\b');
        return;
      case 't':
        sb.append('\t');
        return;
      case 'n':
        sb.append('\n');
        return;
      case 'f':
        sb.append('\f');
        return;
      case 'r':
        sb.append('\r');
        return;
      case '"':
        sb.append('"');
        return;
      case '\\':
        sb.append('\\');
        return;
      case 'u':
        sb.appendCodePoint(unicode(4, at));
        return;
      case 'U':
        sb.appendCodePoint(unicode(8, at));
        return;
      default:
        throw error(
            at,
            "toml::parse_escape_sequence",
            "unknown escape sequence",
            "expected one of b, t, n, f, r, \", \\, u, U");
    }
  }

  private int unicode(int n, int at) {
    if (pos + n > src.length()) {
      throw error(
          at,
          "toml::parse_escape_sequence",
          "truncated unicode escape",
          "expected " + n + " hex digits");
    }
    int cp = 0;
    for (int i = 0; i < n; i++) {
      int d = Character.digit(src.charAt(pos + i), 16);
      if (d < 0) {
        throw error(
            at,
            "toml::parse_escape_sequence",
            "invalid unicode escape",
            "expected " + n + " hex digits");
      }
      cp = cp * 16 + d;
    }
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      throw error(
          at, "toml::parse_escape_sequence", "not a unicode scalar value", "invalid code point");
    }
    pos += n;
    return cp;
  }

  private void checkControl(char c) {
    if ((c < 0x20 && c != '\t') || c == 0x7F) {
      throw error(
          pos, "toml::parse_string", "control characters must be escaped", "invalid character");
    }
  }

  private String checkNul(String s) {
    if (s.indexOf('\0') >= 0) {
      throw new TomlException("error: " + NixStrings.nullByteMessage(s), 0, 0);
    }
    return s;
  }

  // ---- lexical helpers
  // -----------------------------------------------------------------------------

  private void endOfLine() {
    skipWs();
    if (peek() == '#') {
      skipComment();
    }
    if (pos >= src.length()) {
      return;
    }
    if (peek() == '\n') {
      pos++;
    } else if (startsWith("\r\n")) {
      pos += 2;
    } else {
      throw error(
          pos,
          "toml::parse_toml_file",
          "expected newline after a value, key or table",
          "unexpected character");
    }
  }

  private void skipWsCommentsNewlines() {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (isWs(c) || c == '\n' || (c == '\r' && peekAt(pos + 1) == '\n')) {
        pos++;
      } else if (c == '#') {
        skipComment();
      } else {
        return;
      }
    }
  }

  private void skipComment() {
    while (pos < src.length() && src.charAt(pos) != '\n' && !startsWith("\r\n")) {
      pos++;
    }
  }

  private void skipWs() {
    while (pos < src.length() && isWs(src.charAt(pos))) {
      pos++;
    }
  }

  private void skipNewlineOnce() {
    if (peek() == '\n') {
      pos++;
    } else if (startsWith("\r\n")) {
      pos += 2;
    }
  }

  private void expect(String s, String where, String what) {
    skipWs();
    if (!startsWith(s)) {
      throw error(pos, where, what, "expected '" + s + "'");
    }
    pos += s.length();
  }

  private int indexOfNewline(int from) {
    for (int i = from; i < src.length(); i++) {
      if (src.charAt(i) == '\n' || src.charAt(i) == '\r') {
        return i;
      }
    }
    return -1;
  }

  private static boolean isWs(char c) {
    return c == ' ' || c == '\t';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isTokenChar(char c) {
    return (c >= '0' && c <= '9')
        || (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || c == '_'
        || c == '+'
        || c == '-'
        || c == '.'
        || c == ':';
  }

  private boolean startsWith(String s) {
    return src.startsWith(s, pos);
  }

  private char peek() {
    return peekAt(pos);
  }

  private char peekAt(int i) {
    return i >= 0 && i < src.length() ? src.charAt(i) : '\0';
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asTable(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> asList(Object o) {
    return (List<Object>) o;
  }

  private static Set<Object> identitySet() {
    return Collections.newSetFromMap(new IdentityHashMap<>());
  }

  /**
   * A toml11-style report: {@code [error] where: what}, then the offending line with a caret under
   * the 1-based column of {@code at} (Nix's integer-overflow messages point just past the number).
   */
  private TomlException error(int at, String where, String what, String hint) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < at && i < src.length(); i++) {
      if (src.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    int lineEnd = indexOfNewline(lineStart);
    String text = src.substring(lineStart, lineEnd < 0 ? src.length() : lineEnd);
    int column = at - lineStart + 1;
    String num = Integer.toString(line);
    String gutter = " ".repeat(num.length() + 2) + "|";
    String msg =
        "[error] "
            + where
            + ": "
            + what
            + "\n"
            + " --> fromTOML\n"
            + gutter
            + "\n"
            + " "
            + num
            + " | "
            + text
            + "\n"
            + gutter
            + " ".repeat(column)
            + "^-- "
            + hint
            + "\n";
    return new TomlException(msg, line, column);
  }
}
