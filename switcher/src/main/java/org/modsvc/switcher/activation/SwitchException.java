package org.modsvc.switcher.activation;

/**
 * A switch that stopped, with the exit status it stands for and a message for the person running
 * it.
 */
public final class SwitchException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  public SwitchException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
