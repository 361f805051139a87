package org.modsvc.switcher.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.modsvc.switcher.generation.DesiredState;

/**
 * A built configuration: the generation's files, the warnings to print and log, and the files on
 * disk the evaluation read (module files, their imports, files read, listed or copied; empty for
 * ready unit files), which a long-running agent watches for changes.
 */
public record Built(DesiredState state, List<String> warnings, Set<Path> filesRead) {
  public Built {
    warnings = List.copyOf(warnings);
    filesRead = Set.copyOf(filesRead);
  }

  public Built(DesiredState state, List<String> warnings) {
    this(state, warnings, Set.of());
  }
}
