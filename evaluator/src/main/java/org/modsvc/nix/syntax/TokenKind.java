package org.modsvc.nix.syntax;

/**
 * The kinds of token the {@link Lexer} produces. The display text is what syntax errors print,
 * worded like Nix's grammar ("unexpected 'then'", "unexpected end of file").
 */
public enum TokenKind {
  ID("identifier"),
  INT("integer"),
  FLOAT("floating-point literal"),
  /** A piece of literal text inside a string or an interpolated path, already unescaped. */
  STR("string"),
  /**
   * A piece of indented-string text; {@link Token#indentation()} says whether it counts for
   * indentation.
   */
  IND_STR("indented string"),
  PATH("path"),
  HPATH("'~/…' path"),
  SPATH("'<…>' path"),
  URI("URI"),
  /** Zero-width marker: an interpolated or plain path literal ends here. */
  PATH_END("end of path"),
  IF("'if'"),
  THEN("'then'"),
  ELSE("'else'"),
  ASSERT("'assert'"),
  WITH("'with'"),
  LET("'let'"),
  IN("'in'"),
  REC("'rec'"),
  INHERIT("'inherit'"),
  OR_KW("'or'"),
  ELLIPSIS("'...'"),
  EQ("'=='"),
  NEQ("'!='"),
  LEQ("'<='"),
  GEQ("'>='"),
  AND("'&&'"),
  OR("'||'"),
  IMPL("'->'"),
  UPDATE("'//'"),
  CONCAT("'++'"),
  DOLLAR_CURLY("'${'"),
  IND_STRING_OPEN("start of an indented string"),
  IND_STRING_CLOSE("end of an indented string"),
  LBRACE("'{'"),
  RBRACE("'}'"),
  LPAREN("'('"),
  RPAREN("')'"),
  LBRACKET("'['"),
  RBRACKET("']'"),
  SEMI("';'"),
  COLON("':'"),
  AT("'@'"),
  COMMA("','"),
  DOT("'.'"),
  ASSIGN("'='"),
  QUESTION("'?'"),
  NOT("'!'"),
  LT("'<'"),
  GT("'>'"),
  PLUS("'+'"),
  MINUS("'-'"),
  STAR("'*'"),
  SLASH("'/'"),
  QUOTE("'\"'"),
  /** A character the grammar has no use for (Nix: "invalid token"). */
  INVALID("invalid token"),
  /** A lexical error (bad integer, trailing slash, ...); {@link Token#text()} holds the message. */
  ERROR("error"),
  EOF("end of file");

  /** How syntax errors name this kind of token. */
  public final String display;

  TokenKind(String display) {
    this.display = display;
  }
}
