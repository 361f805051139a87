package org.modsvc.switcher.activation;

import org.modsvc.switcher.generation.Repair;

/**
 * What a switch does about owned files that drifted from the current generation: deleted, edited or
 * replaced by hand since the agent wrote them (docs/decisions.md §12). Whatever the policy, a file
 * the agent does not own is never touched, and {@code --force} overwrites every owned file.
 */
public enum DriftPolicy {
  /**
   * The command line's default: missing owned files and links are restored; an edited one needs
   * --force.
   */
  REPAIR_MISSING(Repair.MISSING),
  /**
   * The daemon's default: missing and edited ones are restored; one replaced by someone's own file
   * needs --force.
   */
  REPAIR_ALL(Repair.MISSING_AND_ALTERED),
  /** Nothing is written back; drift is only reported. */
  REPORT(Repair.NONE);

  private final Repair repair;

  DriftPolicy(Repair repair) {
    this.repair = repair;
  }

  Repair repair() {
    return repair;
  }
}
