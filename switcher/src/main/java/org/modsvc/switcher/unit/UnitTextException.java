package org.modsvc.switcher.unit;

/**
 * Lines that cannot be written as unit-file text without changing what systemd reads (an injected
 * line, a value systemd would strip or continue, an invalid section or key name); the message names
 * the unit, its origin and the key.
 */
public final class UnitTextException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnitTextException(String message) {
    super(message);
  }
}
