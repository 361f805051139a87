package org.modsvc.switcher.systemd;

import org.freedesktop.dbus.errors.AccessDenied;
import org.freedesktop.dbus.errors.NoReply;
import org.freedesktop.dbus.errors.ServiceUnknown;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.systemd1.JobTypeNotApplicable;
import org.freedesktop.systemd1.NoSuchUnit;
import org.freedesktop.systemd1.UnitMasked;

/**
 * Turns dbus-java's exceptions into messages a person can act on. dbus-java maps an error name to
 * the class of the same name (see {@code org.freedesktop.systemd1}); the error's own text is
 * systemd's sentence (e.g. "Unit foo.service not found."), so it is kept and prefixed with what we
 * were doing.
 */
public final class SystemdErrors {
  private SystemdErrors() {}

  /**
   * A message for a failed call {@code what} (e.g. "StartUnit(foo.service)") on the bus at {@code
   * address}.
   */
  public static String describe(DBusExecutionException e, String what, String address) {
    String text = e.getMessage() == null ? "" : e.getMessage().trim();
    if (e instanceof NoSuchUnit) {
      return what + ": no such unit (" + text + ")";
    }
    if (e instanceof UnitMasked) {
      return what + ": unit is masked (" + text + ")";
    }
    if (e instanceof JobTypeNotApplicable) {
      return what + ": job type not applicable to this unit (" + text + ")";
    }
    if (e instanceof AccessDenied) {
      return what
          + ": access denied by "
          + address
          + " ("
          + text
          + "); the system manager only accepts this from root, as polkit is not consulted";
    }
    if (e instanceof ServiceUnknown) {
      return what + ": no systemd manager on " + address + " (" + text + ")";
    }
    if (e instanceof NoReply) {
      return what + ": no reply from systemd on " + address + " (" + text + ")";
    }
    String kind =
        e.getClass() == DBusExecutionException.class ? "" : " [" + e.getClass().getName() + "]";
    return what + ": D-Bus error" + kind + ": " + text;
  }
}
