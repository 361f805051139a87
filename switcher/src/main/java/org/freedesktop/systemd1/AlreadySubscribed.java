package org.freedesktop.systemd1;

import org.freedesktop.dbus.exceptions.DBusExecutionException;

/**
 * systemd's {@code org.freedesktop.systemd1.AlreadySubscribed} error: Subscribe was already called
 * on this connection.
 */
public class AlreadySubscribed extends DBusExecutionException {
  private static final long serialVersionUID = 1L;

  public AlreadySubscribed(String message) {
    super(message);
  }
}
