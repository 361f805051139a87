package org.modsvc.nix.format;

/**
 * TOML input that Nix rejects. The message is what Nix prints after {@code while parsing TOML: }
 * (the caller adds that prefix): toml11-style {@code [error] toml::…: what\n --> fromTOML\n |\n 1 |
 * line\n | ^-- hint\n} for syntax errors (exactly Nix's text for integer overflow), {@code Dates
 * and times are not supported} for timestamps without the experimental feature, and {@code error:
 * input string '…' cannot be represented as Nix string because it contains null bytes} for NUL
 * characters.
 */
public final class TomlException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;

  public TomlException(String message, int line, int column) {
    super(message);
    this.line = line;
    this.column = column;
  }

  /** 1-based line of the error, 0 when not tied to a position. */
  public int line() {
    return line;
  }

  /** 1-based column of the error, 0 when not tied to a position. */
  public int column() {
    return column;
  }
}
