package org.modsvc.nix.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns Nix source text into tokens in one pass over a char array, without regular expressions.
 *
 * <p>It mirrors the behaviour of Nix's flex scanner ({@code lexer.l}): the same start states
 * (default code, inside {@code "..."}, inside {@code ''...''}, inside a path literal, and inside a
 * path literal just after a {@code /}), pushed and popped on the same tokens ({@code {} and
 * {@code ${} push, {@code }} pops unless at the bottom), and the same "longest match wins, the
 * earlier rule wins a tie" choice between rules. That choice is why {@code a/b} is a path,
 * {@code x:x} a URI, {@code 1.} a float and {@code 1e3} an integer followed by an identifier.
 *
 * <p>The whole input is tokenized up front so the parser can look ahead freely. Lexical errors do
 * not throw here: they become an {@link TokenKind#ERROR} token that ends the stream, and the
 * parser throws when it reaches it, so an earlier syntax error is still reported first, as in
 * Nix where the scanner only runs when the parser asks for the next token.
 */
public final class Lexer {
  // Start states, as in lexer.l. INITIAL is the bottom of the stack and is never popped.
  private static final int INITIAL = 0;
  private static final int DEFAULT = 1;
  private static final int STRING = 2;
  private static final int IND_STRING = 3;
  private static final int INPATH = 4;
  private static final int INPATH_SLASH = 5;

  private final char[] s;
  private final int n;
  private int pos;
  private int[] stack = new int[16];
  private int depth;
  private final List<Token> out = new ArrayList<>();

  private Lexer(String text) {
    this.s = text.toCharArray();
    this.n = s.length;
  }

  /** All tokens of {@code text}; the last one is {@code EOF} or {@code ERROR}. */
  public static List<Token> tokenize(String text) {
    Lexer lx = new Lexer(text);
    lx.run();
    return lx.out;
  }

  private void run() {
    stack[0] = INITIAL;
    depth = 1;
    while (true) {
      Token t;
      switch (stack[depth - 1]) {
        case STRING:
          t = lexString();
          break;
        case IND_STRING:
          t = lexIndString();
          break;
        case INPATH:
        case INPATH_SLASH:
          t = lexInPath();
          break;
        default:
          t = lexDefault();
          break;
      }
      out.add(t);
      if (t.kind() == TokenKind.EOF || t.kind() == TokenKind.ERROR) return;
    }
  }

  private void push(int state) {
    if (depth == stack.length) stack = java.util.Arrays.copyOf(stack, depth * 2);
    stack[depth++] = state;
  }

  private void pop() {
    if (depth > 1) depth--;
  }

  private int at(int i) {
    return i < n ? s[i] : -1;
  }

  // ---------------------------------------------------------------------------------------------
  // Character classes of lexer.l

  private static boolean isIdStart(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isIdChar(int c) {
    return isIdStart(c) || (c >= '0' && c <= '9') || c == '\'' || c == '-';
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLetter(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** PATH_CHAR: [a-zA-Z0-9._+-] */
  static boolean isPathChar(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '_'
        || c == '-'
        || c == '+';
  }

  private static boolean isUriSchemeChar(int c) {
    return isLetter(c) || isDigit(c) || c == '+' || c == '-' || c == '.';
  }

  /** The characters allowed after the colon of a URI. */
  private static boolean isUriChar(int c) {
    if (isLetter(c) || isDigit(c)) return true;
    switch (c) {
      case '%':
      case '/':
      case '?':
      case ':':
      case '@':
      case '&':
      case '=':
      case '+':
      case '$':
      case ',':
      case '-':
      case '_':
      case '.':
      case '!':
      case '~':
      case '*':
      case '\'':
        return true;
      default:
        return false;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Matchers: each returns the length of the longest match of one lexer.l pattern at i, or 0.

  private int matchId(int i) {
    if (!isIdStart(at(i))) return 0;
    int j = i + 1;
    while (isIdChar(at(j))) j++;
    return j - i;
  }

  private int matchInt(int i) {
    int j = i;
    while (isDigit(at(j))) j++;
    return j - i;
  }

  /** FLOAT: (([1-9][0-9]*\.[0-9]*)|(0?\.[0-9]+))([Ee][+-]?[0-9]+)? */
  private int matchFloat(int i) {
    int j = i;
    int c = at(j);
    if (c >= '1' && c <= '9') {
      while (isDigit(at(j))) j++;
      if (at(j) != '.') return 0;
      j++;
      while (isDigit(at(j))) j++;
    } else {
      if (c == '0') j++;
      if (at(j) != '.' || !isDigit(at(j + 1))) return 0;
      j++;
      while (isDigit(at(j))) j++;
    }
    if (at(j) == 'e' || at(j) == 'E') {
      int k = j + 1;
      if (at(k) == '+' || at(k) == '-') k++;
      if (isDigit(at(k))) {
        while (isDigit(at(k))) k++;
        j = k;
      }
    }
    return j - i;
  }

  /** The groups part of PATH/HPATH: (\/{PATH_CHAR}+)+\/? starting at j; returns end or -1. */
  private int matchSlashGroups(int j) {
    int groups = 0;
    while (at(j) == '/' && isPathChar(at(j + 1))) {
      j += 2;
      while (isPathChar(at(j))) j++;
      groups++;
    }
    if (groups == 0) return -1;
    if (at(j) == '/') j++;
    return j;
  }

  /** PATH: {PATH_CHAR}*(\/{PATH_CHAR}+)+\/? */
  private int matchPath(int i) {
    int j = i;
    while (isPathChar(at(j))) j++;
    int end = matchSlashGroups(j);
    return end < 0 ? 0 : end - i;
  }

  /** PATH_SEG: {PATH_CHAR}*\/ */
  private int matchPathSeg(int i) {
    int j = i;
    while (isPathChar(at(j))) j++;
    return at(j) == '/' ? j + 1 - i : 0;
  }

  /** HPATH: \~(\/{PATH_CHAR}+)+\/? */
  private int matchHomePath(int i) {
    if (at(i) != '~') return 0;
    int end = matchSlashGroups(i + 1);
    return end < 0 ? 0 : end - i;
  }

  /** SPATH: \<{PATH_CHAR}+(\/{PATH_CHAR}+)*\> */
  private int matchSearchPath(int i) {
    if (at(i) != '<' || !isPathChar(at(i + 1))) return 0;
    int j = i + 1;
    while (isPathChar(at(j))) j++;
    while (at(j) == '/' && isPathChar(at(j + 1))) {
      j += 2;
      while (isPathChar(at(j))) j++;
    }
    return at(j) == '>' ? j + 1 - i : 0;
  }

  /** URI: [a-zA-Z][a-zA-Z0-9\+\-\.]*\:[a-zA-Z0-9\%\/\?\:\@\&\=\+\$\,\-\_\.\!\~\*\']+ */
  private int matchUri(int i) {
    if (!isLetter(at(i))) return 0;
    int j = i + 1;
    while (isUriSchemeChar(at(j))) j++;
    if (at(j) != ':' || !isUriChar(at(j + 1))) return 0;
    j++;
    while (isUriChar(at(j))) j++;
    return j - i;
  }

  /** The end of a closed comment starting with slash-star at i, or -1 if it is not closed. */
  private int matchLongComment(int i) {
    for (int j = i + 2; j + 1 < n; j++) {
      if (s[j] == '*' && s[j + 1] == '/') return j + 2;
    }
    return -1;
  }

  // ---------------------------------------------------------------------------------------------
  // Default state: Nix code.

  private Token lexDefault() {
    skipSpaceAndComments();
    int i = pos;
    if (i >= n) return Token.of(TokenKind.EOF, n, n);
    char c = s[i];

    // Candidates in lexer.l rule order; a later rule must match strictly longer to win.
    TokenKind kind = null;
    int len = 0;
    int rule = 0; // what to do on success, for the kinds that need more than a plain token
    final int pathSegDollar = 1, homeSegDollar = 2;

    int idLen = matchId(i);
    if (idLen > 0) {
      kind = keyword(i, idLen);
      len = idLen;
    }
    if (c == '.' && at(i + 1) == '.' && at(i + 2) == '.' && len < 3) {
      kind = TokenKind.ELLIPSIS;
      len = 3;
    }
    TokenKind op = operator(c, at(i + 1));
    if (op != null && len < 2) {
      kind = op;
      len = 2;
    }
    if (isDigit(c)) {
      int l = matchInt(i);
      if (l > len) {
        kind = TokenKind.INT;
        len = l;
      }
    }
    if (isDigit(c) || c == '.') {
      int l = matchFloat(i);
      if (l > len) {
        kind = TokenKind.FLOAT;
        len = l;
      }
    }
    if (c == '$' && at(i + 1) == '{' && len < 2) {
      kind = TokenKind.DOLLAR_CURLY;
      len = 2;
    }
    if (c == '}' && len < 1) {
      kind = TokenKind.RBRACE;
      len = 1;
    }
    if (c == '{' && len < 1) {
      kind = TokenKind.LBRACE;
      len = 1;
    }
    if (c == '"' && len < 1) {
      kind = TokenKind.QUOTE;
      len = 1;
    }
    if (c == '\'' && at(i + 1) == '\'') {
      int j = i + 2;
      while (at(j) == ' ') j++;
      int l = at(j) == '\n' ? j + 1 - i : 2;
      if (l > len) {
        kind = TokenKind.IND_STRING_OPEN;
        len = l;
      }
    }
    if (isPathChar(c) || c == '/') {
      int seg = matchPathSeg(i);
      if (seg > 0 && at(i + seg) == '$' && at(i + seg + 1) == '{' && seg + 2 > len) {
        kind = TokenKind.PATH;
        len = seg + 2;
        rule = pathSegDollar;
      }
    }
    if (c == '~' && at(i + 1) == '/' && at(i + 2) == '$' && at(i + 3) == '{' && len < 4) {
      kind = TokenKind.HPATH;
      len = 4;
      rule = homeSegDollar;
    }
    if (isPathChar(c) || c == '/') {
      int l = matchPath(i);
      if (l > len) {
        kind = TokenKind.PATH;
        len = l;
        rule = 0;
      }
    }
    if (c == '~') {
      int l = matchHomePath(i);
      if (l > len) {
        kind = TokenKind.HPATH;
        len = l;
        rule = 0;
      }
    }
    if (c == '<') {
      int l = matchSearchPath(i);
      if (l > len) {
        kind = TokenKind.SPATH;
        len = l;
        rule = 0;
      }
    }
    if (isLetter(c)) {
      int l = matchUri(i);
      if (l > len) {
        kind = TokenKind.URI;
        len = l;
        rule = 0;
      }
    }

    if (kind == null) {
      // Nix passes any other byte to the parser as itself; those the grammar does not use are
      // reported as "invalid token". Keep a surrogate pair together so the span is one character.
      pos =
          i + (Character.isHighSurrogate(c) && Character.isLowSurrogate((char) at(i + 1)) ? 2 : 1);
      return Token.of(singleChar(c), i, pos);
    }

    pos = i + len;
    switch (kind) {
      case ID:
        return Token.of(kind, i, pos, new String(s, i, len));
      case INT:
        {
          String text = new String(s, i, len);
          if (!fitsInLong(text))
            return Token.of(TokenKind.ERROR, i, pos, "invalid integer '" + text + "'");
          return Token.of(kind, i, pos, text);
        }
      case FLOAT:
        {
          String text = new String(s, i, len);
          if (Double.isInfinite(Double.parseDouble(text))) {
            return Token.of(TokenKind.ERROR, i, pos, "invalid float '" + text + "'");
          }
          return Token.of(kind, i, pos, text);
        }
      case DOLLAR_CURLY:
      case LBRACE:
        push(DEFAULT);
        return Token.of(kind, i, pos);
      case RBRACE:
        pop();
        return Token.of(kind, i, pos);
      case QUOTE:
        push(STRING);
        return Token.of(kind, i, pos);
      case IND_STRING_OPEN:
        push(IND_STRING);
        return Token.of(kind, i, pos);
      case PATH:
      case HPATH:
        {
          if (rule == pathSegDollar || rule == homeSegDollar) {
            // Only the part before "${" is the path token; "${" is lexed next, in path state.
            pos -= 2;
            push(INPATH_SLASH);
          } else {
            push(s[pos - 1] == '/' ? INPATH_SLASH : INPATH);
          }
          return Token.of(kind, i, pos, new String(s, i, pos - i));
        }
      case SPATH:
      case URI:
        return Token.of(kind, i, pos, new String(s, i, len));
      case ERROR: // "<|" or "|>"
        return Token.of(
            TokenKind.ERROR,
            i,
            pos,
            "experimental Nix feature 'pipe-operators' is disabled; add '--extra-experimental-features"
                + " pipe-operators' to enable it");
      default:
        return Token.of(kind, i, pos);
    }
  }

  private void skipSpaceAndComments() {
    while (pos < n) {
      char c = s[pos];
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        pos++;
      } else if (c == '#') {
        while (pos < n && s[pos] != '\n' && s[pos] != '\r') pos++;
      } else if (c == '/' && at(pos + 1) == '*') {
        int end = matchLongComment(pos);
        if (end < 0) return; // unterminated: '/' becomes a token, as in Nix
        pos = end;
      } else {
        return;
      }
    }
  }

  private TokenKind keyword(int i, int len) {
    switch (len) {
      case 2:
        if (s[i] == 'i' && s[i + 1] == 'f') return TokenKind.IF;
        if (s[i] == 'i' && s[i + 1] == 'n') return TokenKind.IN;
        if (s[i] == 'o' && s[i + 1] == 'r') return TokenKind.OR_KW;
        return TokenKind.ID;
      case 3:
        if (is(i, "let")) return TokenKind.LET;
        if (is(i, "rec")) return TokenKind.REC;
        return TokenKind.ID;
      case 4:
        if (is(i, "then")) return TokenKind.THEN;
        if (is(i, "else")) return TokenKind.ELSE;
        if (is(i, "with")) return TokenKind.WITH;
        return TokenKind.ID;
      case 6:
        return is(i, "assert") ? TokenKind.ASSERT : TokenKind.ID;
      case 7:
        return is(i, "inherit") ? TokenKind.INHERIT : TokenKind.ID;
      default:
        return TokenKind.ID;
    }
  }

  private boolean is(int i, String word) {
    for (int k = 0; k < word.length(); k++) if (s[i + k] != word.charAt(k)) return false;
    return true;
  }

  /** Two-character operators; the (disabled) pipe operators come back as ERROR. */
  private static TokenKind operator(int c, int d) {
    switch (c) {
      case '=':
        return d == '=' ? TokenKind.EQ : null;
      case '!':
        return d == '=' ? TokenKind.NEQ : null;
      case '<':
        return d == '=' ? TokenKind.LEQ : d == '|' ? TokenKind.ERROR : null;
      case '>':
        return d == '=' ? TokenKind.GEQ : null;
      case '&':
        return d == '&' ? TokenKind.AND : null;
      case '|':
        return d == '|' ? TokenKind.OR : d == '>' ? TokenKind.ERROR : null;
      case '-':
        return d == '>' ? TokenKind.IMPL : null;
      case '/':
        return d == '/' ? TokenKind.UPDATE : null;
      case '+':
        return d == '+' ? TokenKind.CONCAT : null;
      default:
        return null;
    }
  }

  private static TokenKind singleChar(char c) {
    switch (c) {
      case '(':
        return TokenKind.LPAREN;
      case ')':
        return TokenKind.RPAREN;
      case '[':
        return TokenKind.LBRACKET;
      case ']':
        return TokenKind.RBRACKET;
      case ';':
        return TokenKind.SEMI;
      case ':':
        return TokenKind.COLON;
      case '@':
        return TokenKind.AT;
      case ',':
        return TokenKind.COMMA;
      case '.':
        return TokenKind.DOT;
      case '=':
        return TokenKind.ASSIGN;
      case '?':
        return TokenKind.QUESTION;
      case '!':
        return TokenKind.NOT;
      case '<':
        return TokenKind.LT;
      case '>':
        return TokenKind.GT;
      case '+':
        return TokenKind.PLUS;
      case '-':
        return TokenKind.MINUS;
      case '*':
        return TokenKind.STAR;
      case '/':
        return TokenKind.SLASH;
      default:
        return TokenKind.INVALID;
    }
  }

  private static boolean fitsInLong(String digits) {
    int k = 0;
    while (k < digits.length() - 1 && digits.charAt(k) == '0') k++;
    String d = digits.substring(k);
    if (d.length() != 19) return d.length() < 19;
    return d.compareTo("9223372036854775807") <= 0;
  }

  // ---------------------------------------------------------------------------------------------
  // Inside "...".

  private Token lexString() {
    int i = pos;
    if (i >= n) return Token.of(TokenKind.EOF, n, n);
    char c = s[i];
    if (c == '$' && at(i + 1) == '{') {
      pos = i + 2;
      push(DEFAULT);
      return Token.of(TokenKind.DOLLAR_CURLY, i, pos);
    }
    if (c == '"') {
      pos = i + 1;
      pop();
      return Token.of(TokenKind.QUOTE, i, pos);
    }
    // Longest run of: a plain char, '$' not before '{' '"' '\', a backslash escape, or '$' +
    // escape.
    int j = i;
    while (j < n) {
      char d = s[j];
      if (d == '\\') {
        if (j + 1 >= n) break;
        j += 2;
      } else if (d == '$') {
        int e = at(j + 1);
        if (e == '\\') {
          if (j + 2 >= n) break;
          j += 3;
        } else if (e == -1 || e == '{' || e == '"') {
          break;
        } else {
          j += 2;
        }
      } else if (d == '"') {
        break;
      } else {
        j++;
      }
    }
    // A '$' right before the closing quote belongs to the text.
    if (at(j) == '$' && at(j + 1) == '"') j++;
    if (j == i) {
      // Only a lone '$', '\' or "$\" at the end of the input can get here: Nix reports the end of
      // file right after it.
      int end = n;
      pos = n;
      return Token.of(TokenKind.EOF, end, end);
    }
    pos = j;
    return Token.of(TokenKind.STR, i, j, unescape(s, i, j));
  }

  /** Nix's string unescaping: \n \r \t, any other \c is c; a raw CR or CR LF becomes LF. */
  static String unescape(char[] s, int from, int to) {
    StringBuilder sb = new StringBuilder(to - from);
    for (int i = from; i < to; ) {
      char c = s[i++];
      if (c == '\\' && i < to) {
        char e = s[i++];
        sb.append(e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t' : e);
      } else if (c == '\r') {
        sb.append('\n');
        if (i < to && s[i] == '\n') i++;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------------------------------------
  // Inside ''...''.

  private Token lexIndString() {
    int i = pos;
    if (i >= n) return Token.of(TokenKind.EOF, n, n);
    char c = s[i];
    if (c == '\'' && at(i + 1) == '\'') {
      int e = at(i + 2);
      if (e == '$') {
        pos = i + 3;
        return new Token(TokenKind.IND_STR, i, pos, "$", false);
      }
      if (e == '\'') {
        pos = i + 3;
        return new Token(TokenKind.IND_STR, i, pos, "''", false);
      }
      if (e == '\\' && i + 3 < n) {
        pos = i + 4;
        return new Token(TokenKind.IND_STR, i, pos, unescape(s, i + 2, i + 4), false);
      }
      pos = i + 2;
      pop();
      return Token.of(TokenKind.IND_STRING_CLOSE, i, pos);
    }
    if (c == '$' && at(i + 1) == '{') {
      pos = i + 2;
      push(DEFAULT);
      return Token.of(TokenKind.DOLLAR_CURLY, i, pos);
    }
    // Longest run of: a char other than '$' '\'', '$' not before '{' '\'', '\'' not before '\''
    // '$'.
    int j = i;
    while (j < n) {
      char d = s[j];
      if (d == '$' || d == '\'') {
        int e = at(j + 1);
        if (e == -1 || e == '\'' || e == (d == '$' ? '{' : '$')) break;
        j += 2;
      } else {
        j++;
      }
    }
    if (j == i) {
      // A lone '$' or '\'' that starts nothing longer.
      pos = i + 1;
      return new Token(TokenKind.IND_STR, i, pos, String.valueOf(c), false);
    }
    pos = j;
    String run = new String(s, i, j - i);
    if (run.indexOf('\0') >= 0) {
      // Nix checks each run of an indented string as it lexes it, so the message shows the run
      // before its
      // indentation is stripped, at the run's start.
      return Token.of(
          TokenKind.ERROR,
          i,
          j,
          "input string '"
              + run.replace('\0', '\u2400')
              + "' cannot be represented as Nix string because it contains null bytes");
    }
    return new Token(TokenKind.IND_STR, i, j, run, true);
  }

  // ---------------------------------------------------------------------------------------------
  // After a path token: more path text, "${", or the end of the path.

  private Token lexInPath() {
    int i = pos;
    if (at(i) == '$' && at(i + 1) == '{') {
      pos = i + 2;
      pop();
      push(INPATH);
      push(DEFAULT);
      return Token.of(TokenKind.DOLLAR_CURLY, i, pos);
    }
    int len = Math.max(matchPath(i), matchPathSeg(i));
    int run = 0;
    while (isPathChar(at(i + run))) run++;
    len = Math.max(len, run);
    if (len > 0) {
      pos = i + len;
      pop();
      push(s[pos - 1] == '/' ? INPATH_SLASH : INPATH);
      return Token.of(TokenKind.STR, i, pos, new String(s, i, len));
    }
    if (stack[depth - 1] == INPATH_SLASH) {
      // Nix reports the character after the slash; at the end of the input (where flex does
      // not advance its location) it reports the start of the last path token.
      if (i >= n) {
        Token last = out.get(out.size() - 1);
        return Token.of(TokenKind.ERROR, last.start(), last.end(), "path has a trailing slash");
      }
      return Token.of(TokenKind.ERROR, i, i + 1, "path has a trailing slash");
    }
    pop();
    return Token.of(TokenKind.PATH_END, i, i);
  }
}
