package org.freedesktop.systemd1;

import org.freedesktop.dbus.exceptions.DBusExecutionException;

/**
 * systemd's {@code org.freedesktop.systemd1.NoSuchUnit} error: the unit is not loaded and has no
 * unit file.
 */
public class NoSuchUnit extends DBusExecutionException {
  private static final long serialVersionUID = 1L;

  public NoSuchUnit(String message) {
    super(message);
  }
}
