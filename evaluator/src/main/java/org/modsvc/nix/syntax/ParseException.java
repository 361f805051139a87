package org.modsvc.nix.syntax;

import org.modsvc.nix.source.Span;

/** A syntax error with the place it was found; the message follows Nix's wording where it can. */
public final class ParseException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Span span;

  public ParseException(String message, Span span) {
    super(message, null, false, false);
    this.span = span;
  }

  public Span span() {
    return span;
  }
}
