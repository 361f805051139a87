package org.modsvc.switcher.plan;

/** Which systemd manager a plan is for: the system manager or a user's manager. */
public enum SwitchMode {
  SYSTEM,
  USER;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
