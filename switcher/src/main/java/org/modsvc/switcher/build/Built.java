package org.modsvc.switcher.build;

import java.util.List;
import org.modsvc.switcher.generation.DesiredState;

/** A built configuration: the generation's files, and the warnings to print and log. */
public record Built(DesiredState state, List<String> warnings) {
  public Built {
    warnings = List.copyOf(warnings);
  }
}
