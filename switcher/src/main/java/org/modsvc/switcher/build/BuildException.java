package org.modsvc.switcher.build;

/** The configuration evaluated but cannot become files: nothing is written. */
public class BuildException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BuildException(String message) {
    super(message);
  }
}
