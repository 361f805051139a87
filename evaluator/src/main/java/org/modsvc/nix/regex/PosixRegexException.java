package org.modsvc.nix.regex;

/**
 * A regular expression that Nix would reject. {@link #getMessage()} is the exact text Nix reports
 * ({@code invalid regular expression '…'} or {@code memory limit exceeded by regular expression
 * '…'}); {@link #reason()} says what is wrong, for debugging.
 */
public final class PosixRegexException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String regex;
  private final String reason;
  private final boolean memoryLimit;

  PosixRegexException(String regex, String reason, boolean memoryLimit) {
    super(
        (memoryLimit
                ? "memory limit exceeded by regular expression '"
                : "invalid regular expression '")
            + regex
            + "'");
    this.regex = regex;
    this.reason = reason;
    this.memoryLimit = memoryLimit;
  }

  /** The regular expression as the Nix program wrote it. */
  public String regex() {
    return regex;
  }

  /** Human-readable cause, e.g. {@code "unmatched '('"}; not part of Nix's message. */
  public String reason() {
    return reason;
  }

  /** True when the expression is valid but too large (Nix: libstdc++'s state limit). */
  public boolean isMemoryLimit() {
    return memoryLimit;
  }
}
