package org.modsvc.switcher.systemd;

import java.util.List;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.DBusMemberName;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;

/**
 * The part of {@code org.freedesktop.systemd1.Manager} the switcher calls (docs/upstream.md §4.7).
 * Signatures follow systemd's introspection: job methods are {@code ss→o}, {@code ListUnits} is
 * {@code →a(ssssssouso)}.
 */
@DBusInterfaceName("org.freedesktop.systemd1.Manager")
interface ManagerInterface extends DBusInterface {
  String BUS_NAME = "org.freedesktop.systemd1";
  String OBJECT_PATH = "/org/freedesktop/systemd1";

  @DBusMemberName("Subscribe")
  void subscribe();

  /** daemon-reload; systemd sends the reply only after the reload has finished. */
  @DBusMemberName("Reload")
  void reload();

  @DBusMemberName("StartUnit")
  DBusPath startUnit(String name, String mode);

  @DBusMemberName("StopUnit")
  DBusPath stopUnit(String name, String mode);

  @DBusMemberName("RestartUnit")
  DBusPath restartUnit(String name, String mode);

  @DBusMemberName("ReloadUnit")
  DBusPath reloadUnit(String name, String mode);

  @DBusMemberName("TryRestartUnit")
  DBusPath tryRestartUnit(String name, String mode);

  @DBusMemberName("GetUnit")
  DBusPath getUnit(String name);

  @DBusMemberName("LoadUnit")
  DBusPath loadUnit(String name);

  @DBusMemberName("ListUnits")
  List<UnitListEntry> listUnits();

  @DBusMemberName("ResetFailedUnit")
  void resetFailedUnit(String name);

  /**
   * {@code JobRemoved(u id, o job, s unit, s result)}: sent once a job finished, with its result.
   */
  @DBusMemberName("JobRemoved")
  final class JobRemoved extends DBusSignal {
    private final long id;
    private final String job;
    private final String unit;
    private final String result;

    public JobRemoved(String path, UInt32 id, DBusPath job, String unit, String result)
        throws DBusException {
      super(path, id, job, unit, result);
      this.id = id.longValue();
      this.job = job.getPath();
      this.unit = unit;
      this.result = result;
    }

    long jobId() {
      return id;
    }

    String jobPath() {
      return job;
    }

    String unitName() {
      return unit;
    }

    String jobResult() {
      return result;
    }
  }
}
