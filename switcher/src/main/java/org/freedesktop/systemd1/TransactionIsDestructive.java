package org.freedesktop.systemd1;

import org.freedesktop.dbus.exceptions.DBusExecutionException;

/**
 * systemd's {@code org.freedesktop.systemd1.TransactionIsDestructive} error: the job conflicts with
 * a queued irreversible job.
 */
public class TransactionIsDestructive extends DBusExecutionException {
  private static final long serialVersionUID = 1L;

  public TransactionIsDestructive(String message) {
    super(message);
  }
}
