package org.modsvc.switcher.generation;

/**
 * Which owned files that drifted from the current generation (deleted, edited or replaced by hand
 * since the agent wrote them) a switch writes back without {@code --force} (docs/decisions.md §12).
 * {@code --force} still overwrites every owned file, whatever the scope.
 */
public enum Repair {
  /**
   * Nothing of an unchanged configuration is written back (drift is only reported). A switch to a
   * different configuration still writes every file its generation needs, missing ones included.
   */
  NONE,
  /**
   * Missing owned files and links are written back; an altered or replaced one is a conflict unless
   * --force.
   */
  MISSING,
  /**
   * Missing and altered ones are written back; a replaced one (someone's own file) is a conflict
   * unless --force.
   */
  MISSING_AND_ALTERED
}
