package org.modsvc.switcher.systemd;

/** The job-submitting Manager methods, all called with mode {@code "replace"}. */
public enum JobKind {
  START("StartUnit", "start"),
  STOP("StopUnit", "stop"),
  RESTART("RestartUnit", "restart"),
  RELOAD("ReloadUnit", "reload"),
  TRY_RESTART("TryRestartUnit", "try-restart");

  private final String method;
  private final String verb;

  JobKind(String method, String verb) {
    this.method = method;
    this.verb = verb;
  }

  /** The D-Bus method name, for messages. */
  public String method() {
    return method;
  }

  /** The systemctl-style verb, as in "Failed to restart foo.service". */
  public String verb() {
    return verb;
  }
}
