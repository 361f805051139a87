package org.modsvc.nix.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LexerTest {
  /** "KIND" or "KIND(text)" for each token, space separated, without the final EOF. */
  private static String lex(String src) {
    List<Token> ts = Lexer.tokenize(src);
    return ts.stream()
        .filter(t -> t.kind() != TokenKind.EOF)
        .map(t -> t.text() == null ? t.kind().name() : t.kind().name() + "(" + t.text() + ")")
        .collect(Collectors.joining(" "));
  }

  @Test
  void keywords_areRecognised_whenWholeIdentifier() {
    assertEquals(
        "IF THEN ELSE ASSERT WITH LET IN REC INHERIT OR_KW ID(iff) ID(in-x) ID(rec')",
        lex("if then else assert with let in rec inherit or iff in-x rec'"));
  }

  @Test
  void identifiers_mayContainQuotesAndDashes() {
    assertEquals("ID(a'b-c_d) ID(_x)", lex("a'b-c_d _x"));
  }

  @Test
  void slashBetweenWords_makesAPath_notADivision() {
    assertEquals("PATH(a/b) PATH_END ID(a) SLASH ID(b)", lex("a/b a / b"));
  }

  @Test
  void colonFollowedByUriChars_makesAUri() {
    assertEquals(
        "URI(x:x) ID(x) COLON ID(x) URI(http://a.org/b?c=1&d)",
        lex("x:x x: x http://a.org/b?c=1&d"));
  }

  @Test
  void floats_followNixRules() {
    assertEquals(
        "FLOAT(1.5) FLOAT(.5) FLOAT(1.) FLOAT(1.e3) FLOAT(1.5e-3) FLOAT(0.5)",
        lex("1.5 .5 1. 1.e3 1.5e-3 0.5"));
  }

  @Test
  void exponentWithoutDot_isIntegerThenIdentifier() {
    assertEquals("INT(1) ID(e3)", lex("1e3"));
  }

  @Test
  void leadingZeroBeforeFraction_splitsIntoIntAndFloat() {
    assertEquals("INT(01) FLOAT(.5)", lex("01.5"));
  }

  @Test
  void integerTooBigForLong_isAnErrorToken() {
    List<Token> ts = Lexer.tokenize("9223372036854775807 9223372036854775808");
    assertEquals(TokenKind.INT, ts.get(0).kind());
    assertEquals(TokenKind.ERROR, ts.get(1).kind());
    assertEquals("invalid integer '9223372036854775808'", ts.get(1).text());
  }

  @Test
  void operators_longestMatchFirst() {
    assertEquals(
        "EQ NEQ LEQ GEQ AND OR IMPL UPDATE CONCAT ELLIPSIS LT GT NOT MINUS PLUS STAR",
        lex("== != <= >= && || -> // ++ ... < > ! - + *"));
  }

  @Test
  void comments_areSkipped_andHashCommentEndsAtCarriageReturn() {
    assertEquals("INT(1) INT(2) INT(3)", lex("1 /* c * / */ 2 # x\r3"));
  }

  @Test
  void unterminatedBlockComment_lexesAsSlashAndStar() {
    assertEquals("INT(1) SLASH STAR ID(x)", lex("1 /* x"));
  }

  @Test
  void string_isSplitIntoTextAndInterpolation() {
    assertEquals("QUOTE STR(a) DOLLAR_CURLY ID(b) RBRACE STR(c) QUOTE", lex("\"a${b}c\""));
  }

  @Test
  void stringEscapes_areDecoded() {
    assertEquals("QUOTE STR(\n\t\r\\\"$x) QUOTE", lex("\"\\n\\t\\r\\\\\\\"\\$\\x\""));
  }

  @Test
  void doubleDollarBeforeBrace_isLiteralText() {
    assertEquals("QUOTE STR($${x}) QUOTE", lex("\"$${x}\""));
  }

  @Test
  void dollarBeforeClosingQuote_isLiteralText() {
    assertEquals("QUOTE STR(a$) QUOTE", lex("\"a$\""));
  }

  @Test
  void rawCarriageReturnsInStrings_becomeNewlines() {
    assertEquals("QUOTE STR(a\nb\nc) QUOTE", lex("\"a\r\nb\rc\""));
  }

  @Test
  void indentedStringEscapes_areSeparateTokensWithoutIndentation() {
    // '' a''$'''''\n''  : text, ''$ , ''' , ''\n , closing ''
    String src = "'' a''$'''''\\n''";
    List<Token> ts = Lexer.tokenize(src);
    assertEquals(
        "IND_STRING_OPEN IND_STR( a) IND_STR($) IND_STR('') IND_STR(\n) IND_STRING_CLOSE",
        lex(src));
    assertEquals(true, ts.get(1).indentation());
    assertEquals(false, ts.get(2).indentation());
  }

  @Test
  void indentedStringOpening_swallowsSpacesAndNewline() {
    List<Token> ts = Lexer.tokenize("''   \nx''");
    assertEquals(TokenKind.IND_STRING_OPEN, ts.get(0).kind());
    assertEquals(6, ts.get(0).end());
  }

  @Test
  void interpolatedPath_endsWithPathEnd() {
    assertEquals(
        "PATH(./a/) DOLLAR_CURLY ID(b) RBRACE STR(/c.nix) PATH_END SEMI", lex("./a/${b}/c.nix;"));
  }

  @Test
  void pathSegmentBeforeInterpolation_isAPathToken() {
    assertEquals("PATH(a/) DOLLAR_CURLY ID(b) RBRACE PATH_END", lex("a/${b}"));
    assertEquals("HPATH(~/) DOLLAR_CURLY ID(b) RBRACE PATH_END", lex("~/${b}"));
  }

  @Test
  void pathWithTrailingSlash_isAnErrorAtTheNextCharacter() {
    List<Token> ts = Lexer.tokenize("/a/b/ 1");
    Token err = ts.get(ts.size() - 1);
    assertEquals(TokenKind.ERROR, err.kind());
    assertEquals("path has a trailing slash", err.text());
    assertEquals(5, err.start());
  }

  @Test
  void searchPathAndHomePath_areSingleTokens() {
    assertEquals("SPATH(<nixpkgs/lib>) HPATH(~/a/b) PATH_END", lex("<nixpkgs/lib> ~/a/b"));
  }

  @Test
  void unusedCharacters_areInvalidTokens() {
    assertEquals("INT(1) INVALID INVALID", lex("1 & é"));
  }

  @Test
  void pipeOperators_areRejectedAsDisabledFeature() {
    List<Token> ts = Lexer.tokenize("1 |> 2");
    assertEquals(TokenKind.ERROR, ts.get(1).kind());
    assertEquals(2, ts.get(1).start());
  }

  @Test
  void closingBraceAtTopLevel_doesNotUnderflowTheStateStack() {
    assertEquals("RBRACE QUOTE STR(x) QUOTE", lex("} \"x\""));
  }
}
