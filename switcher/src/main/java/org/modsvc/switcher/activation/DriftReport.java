package org.modsvc.switcher.activation;

import java.util.List;

/**
 * What {@link Activation#checkDrift()} found: the owned paths of the current generation whose live
 * state differs from it, in path order.
 *
 * @param generation the current generation (0 before the first switch: nothing is owned)
 * @param switchPending a switch is recorded as unfinished, so the live tree may lie between two
 *     generations and what looks like drift may be its work in progress; the next switch finishes
 *     it either way
 */
public record DriftReport(int generation, boolean switchPending, List<Drifted> drifted) {
  public DriftReport {
    drifted = List.copyOf(drifted);
  }

  public boolean isEmpty() {
    return drifted.isEmpty();
  }

  /** One line per drifted path, or {@code no drift} when there is none. */
  public String render() {
    if (drifted.isEmpty()) {
      return "generation "
          + generation
          + ": no drift"
          + (switchPending ? " (a switch is unfinished)" : "")
          + "\n";
    }
    StringBuilder out =
        new StringBuilder("generation ")
            .append(generation)
            .append(": ")
            .append(drifted.size())
            .append(drifted.size() == 1 ? " file differs" : " files differ")
            .append(switchPending ? " (a switch is unfinished)" : "")
            .append('\n');
    drifted.forEach(d -> out.append("  ").append(d.describe()).append('\n'));
    return out.toString();
  }
}
