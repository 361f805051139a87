package org.modsvc.switcher.plan;

/**
 * A unit's live state as systemd's {@code ListUnits} reports it, which is all the planner knows of
 * the running system. The caller leaves out units whose {@code Following} is not empty (aliases),
 * as switch-to-configuration-ng's {@code get_active_units} does. (The properties of one unit read
 * on demand, with its main process, are {@code systemd.UnitState}: a different question.)
 */
public record LiveState(String activeState, String subState, String loadState) {
  public LiveState {
    java.util.Objects.requireNonNull(activeState, "activeState");
    subState = subState == null ? "" : subState;
    loadState = loadState == null ? "" : loadState;
  }

  public static LiveState active() {
    return new LiveState("active", "running", "loaded");
  }

  public static LiveState of(String activeState) {
    return new LiveState(activeState, "", "loaded");
  }

  /**
   * stc-ng's "active set": everything ListUnits shows that is not {@code inactive}, failed
   * included.
   */
  public boolean inActiveSet() {
    return !activeState.equals("inactive");
  }

  /** The states in which stc-ng considers a unit running: {@code active} or {@code activating}. */
  public boolean isActiveOrActivating() {
    return activeState.equals("active") || activeState.equals("activating");
  }

  public boolean isFailed() {
    return activeState.equals("failed");
  }
}
