package org.modsvc.switcher.generation;

import java.util.List;
import java.util.stream.Collectors;

/** The live tree has files in the way; nothing was changed. Lists every conflict, one per line. */
public final class OwnershipException extends GenerationException {

  private final List<Conflict> conflicts;

  public OwnershipException(List<Conflict> conflicts) {
    super(
        "refusing to switch, nothing was changed:\n"
            + conflicts.stream().map(c -> "  " + c.message()).collect(Collectors.joining("\n")));
    this.conflicts = List.copyOf(conflicts);
  }

  public List<Conflict> conflicts() {
    return conflicts;
  }
}
