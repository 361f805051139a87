package org.freedesktop.systemd1;

import org.freedesktop.dbus.exceptions.DBusExecutionException;

/**
 * systemd's {@code org.freedesktop.systemd1.JobTypeNotApplicable} error: the job type does not
 * apply to this unit (for example reload without ExecReload).
 */
public class JobTypeNotApplicable extends DBusExecutionException {
  private static final long serialVersionUID = 1L;

  public JobTypeNotApplicable(String message) {
    super(message);
  }
}
