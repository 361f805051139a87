package org.modsvc.switcher.unit;

import java.util.List;

/**
 * One parsed file, a unit file or one of its {@code .d/*.conf} drop-ins, kept as its ordered
 * assignments so that resets ({@code Key=}) in a drop-in can clear what earlier files set. {@code
 * sections} lists every section header in order of first appearance, including empty ones, because
 * an empty section still counts as present when units are compared.
 */
public record UnitFragment(String path, List<String> sections, List<Assignment> assignments) {
  public UnitFragment {
    sections = List.copyOf(sections);
    assignments = List.copyOf(assignments);
  }

  /** The file name part of {@link #path()}, which orders drop-ins. */
  public String fileName() {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }
}
