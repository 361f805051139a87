package org.freedesktop.systemd1;

import org.freedesktop.dbus.exceptions.DBusExecutionException;

/** systemd's {@code org.freedesktop.systemd1.UnitMasked} error: the unit is masked. */
public class UnitMasked extends DBusExecutionException {
  private static final long serialVersionUID = 1L;

  public UnitMasked(String message) {
    super(message);
  }
}
