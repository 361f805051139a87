package org.modsvc.switcher.activation;

import java.io.IOException;
import java.util.Map;
import org.modsvc.switcher.plan.LiveState;
import org.modsvc.switcher.plan.PhasePlan;
import org.modsvc.switcher.systemd.PhaseExecutor;
import org.modsvc.switcher.systemd.SwitchReport;
import org.modsvc.switcher.unit.UnitName;

/**
 * The systemd manager as the switch needs it: live unit states and the phase run. {@link
 * SystemdManager} is the real one over D-Bus; tests of the switch's own logic (resume, exit codes)
 * can use an in-memory one.
 */
public interface ServiceManager extends AutoCloseable {
  /**
   * {@code ListUnits} without alias-like units (those with a {@code Following}), by unit name; a
   * name that is not a valid unit name is left out here, where the names enter the switch.
   */
  Map<UnitName, LiveState> liveStates();

  /**
   * Stop → files → daemon-reload if needed → reload → restart → start, as {@link
   * PhaseExecutor#execute}.
   */
  SwitchReport execute(
      PhasePlan plan, PhaseExecutor.FilesWriter files, PhaseExecutor.Listener listener)
      throws IOException;

  /** D-Bus method calls made so far, by method name. */
  Map<String, Long> callCounts();

  @Override
  void close();
}
