package org.modsvc.switcher.systemd;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Properties of one unit read at one moment. {@code mainPid}, {@code execMainStatus} and {@code
 * result} come from the {@code org.freedesktop.systemd1.Service} interface and are empty for other
 * unit types, as is {@code restarts} (the service's {@code NRestarts}: automatic restarts since its
 * last manual start). A {@code mainPid} of 0 (no main process) is reported as empty.
 */
public record UnitState(
    String name,
    String loadState,
    String activeState,
    String subState,
    OptionalLong mainPid,
    OptionalInt execMainStatus,
    String result,
    OptionalLong restarts) {

  public boolean isActive() {
    return "active".equals(activeState);
  }
}
