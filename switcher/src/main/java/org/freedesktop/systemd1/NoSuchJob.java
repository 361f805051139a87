package org.freedesktop.systemd1;

import org.freedesktop.dbus.exceptions.DBusExecutionException;

/** systemd's {@code org.freedesktop.systemd1.NoSuchJob} error: the job does not exist. */
public class NoSuchJob extends DBusExecutionException {
  private static final long serialVersionUID = 1L;

  public NoSuchJob(String message) {
    super(message);
  }
}
