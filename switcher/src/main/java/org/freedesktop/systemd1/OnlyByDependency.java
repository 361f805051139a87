package org.freedesktop.systemd1;

import org.freedesktop.dbus.exceptions.DBusExecutionException;

/**
 * systemd's {@code org.freedesktop.systemd1.OnlyByDependency} error: the unit may only be started
 * or stopped as a dependency.
 */
public class OnlyByDependency extends DBusExecutionException {
  private static final long serialVersionUID = 1L;

  public OnlyByDependency(String message) {
    super(message);
  }
}
