package org.modsvc.switcher.systemd;

/**
 * A D-Bus or systemd failure, with a message that names the bus address, method and unit involved.
 */
public class SystemdException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SystemdException(String message, Throwable cause) {
    super(message, cause);
  }

  public SystemdException(String message) {
    super(message);
  }
}
