package org.modsvc.switcher.plan;

/**
 * The inputs do not allow a plan, e.g. an unknown {@code X-SwitchMethod} value; nothing was
 * changed.
 */
public final class PlanException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PlanException(String message) {
    super(message);
  }
}
