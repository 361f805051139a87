package org.modsvc.switcher.plan;

import java.util.Optional;
import org.modsvc.switcher.unit.UnitFile;

/**
 * {@code [Unit] X-SwitchMethod=}, Home Manager's override with sd-switch's meanings: {@code reload}
 * (reload the running unit), {@code restart}, {@code stop-start} (stop the old definition before
 * the files change, start the new one after) and {@code keep-old} (leave the running unit alone).
 */
enum SwitchMethod {
  RELOAD("reload"),
  RESTART("restart"),
  STOP_START("stop-start"),
  KEEP_OLD("keep-old");

  private final String value;

  SwitchMethod(String value) {
    this.value = value;
  }

  String value() {
    return value;
  }

  /** The method the unit asks for, if any; an unknown value is an error naming the unit. */
  static Optional<SwitchMethod> of(String unit, UnitFile file) {
    Optional<String> raw = file.last("Unit", "X-SwitchMethod");
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    for (SwitchMethod method : values()) {
      if (method.value.equals(raw.get())) {
        return Optional.of(method);
      }
    }
    throw new PlanException(
        unit
            + ": [Unit] X-SwitchMethod="
            + raw.get()
            + " is not one of reload, restart, stop-start, keep-old");
  }
}
