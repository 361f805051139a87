package org.modsvc.nix.store;

/**
 * A failure inside the store model: a malformed hash, an invalid store path name, an inconsistent
 * derivation. The message is exactly the one Nix prints after {@code error: } (without traces), so
 * the evaluator can wrap it in its own error type and add the positions and traces it knows about.
 */
public class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
