package org.modsvc.nix.eval;

import java.nio.file.Path;

/**
 * Decides whether an evaluation may read a file from disk (import, {@code readFile}, {@code
 * hashFile}, copies into the store). The agent evaluates modules as root and installs one that
 * refuses files other users can change; {@code eval} reads everything, as Nix does.
 */
@FunctionalInterface
public interface FileGuard {
  FileGuard NONE = file -> null;

  /**
   * Why {@code file} (absolute, links not yet followed) must not be read, or null when it may be.
   */
  String refusal(Path file);
}
