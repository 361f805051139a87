package org.modsvc.switcher.pkgs;

/** A build of a trivial builder that gave no output; the message says why and ends with its log. */
public final class HostBuildException extends RuntimeException {
  public HostBuildException(String message) {
    super(message);
  }
}
