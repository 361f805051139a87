package org.freedesktop.systemd1;

import org.freedesktop.dbus.exceptions.DBusExecutionException;

/** systemd's {@code org.freedesktop.systemd1.LoadFailed} error: the unit failed to load. */
public class LoadFailed extends DBusExecutionException {
  private static final long serialVersionUID = 1L;

  public LoadFailed(String message) {
    super(message);
  }
}
