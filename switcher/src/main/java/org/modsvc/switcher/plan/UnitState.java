package org.modsvc.switcher.plan;

/**
 * A unit's live state as systemd's {@code ListUnits} reports it. The caller leaves out units whose
 * {@code Following} is not empty (aliases), as switch-to-configuration-ng's {@code get_active_units}
 * does.
 */
public record UnitState(String activeState, String subState, String loadState) {
  public UnitState {
    java.util.Objects.requireNonNull(activeState, "activeState");
    subState = subState == null ? "" : subState;
    loadState = loadState == null ? "" : loadState;
  }

  public static UnitState active() {
    return new UnitState("active", "running", "loaded");
  }

  public static UnitState of(String activeState) {
    return new UnitState(activeState, "", "loaded");
  }

  /** stc-ng's "active set": everything ListUnits shows that is not {@code inactive}, failed included. */
  public boolean inActiveSet() {
    return !activeState.equals("inactive");
  }

  /** The states in which stc-ng considers a unit running: {@code active} or {@code activating}. */
  public boolean isActiveOrActivating() {
    return activeState.equals("active") || activeState.equals("activating");
  }
}
