package org.modsvc.switcher.systemd;

/**
 * The job phases of a switch, in execution order (docs/decisions.md §6); files are written between STOP and
 * RELOAD.
 */
public enum Phase {
  STOP(JobKind.STOP),
  RELOAD(JobKind.RELOAD),
  RESTART(JobKind.RESTART),
  START(JobKind.START);

  private final JobKind kind;

  Phase(JobKind kind) {
    this.kind = kind;
  }

  public JobKind kind() {
    return kind;
  }
}
