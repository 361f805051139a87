package org.modsvc.switcher.generation;

import java.util.List;

/**
 * What applying a generation did: from which generation to which, the path diff, the operations
 * run, notes (--force effects).
 */
public record ApplyReport(
    int from, int to, GenerationDiff diff, List<FileOp> operations, List<String> notes) {

  public ApplyReport {
    operations = List.copyOf(operations);
    notes = List.copyOf(notes);
  }
}
