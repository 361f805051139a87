package org.modsvc.agent.daemon;

import java.util.ArrayList;
import java.util.List;
import org.modsvc.switcher.generation.Checkpoint;

/**
 * Where a switch's time goes: the switch's checkpoints ({@code generation 12 prepared}, {@code
 * pending recorded}, {@code daemon-reload done}, …) with the time each was reached, for the
 * daemon's log line after each switch. Passes every step on to the checkpoint it wraps (the test
 * hook, or none).
 */
final class StepTimes implements Checkpoint {
  private final Checkpoint next;
  private final List<String> steps = new ArrayList<>();
  private final List<Long> at = new ArrayList<>();
  private long start;

  StepTimes(Checkpoint next) {
    this.next = next;
  }

  synchronized void begin() {
    steps.clear();
    at.clear();
    start = System.nanoTime();
  }

  @Override
  public void reached(String step) {
    synchronized (this) {
      steps.add(step);
      at.add(System.nanoTime());
    }
    next.reached(step);
  }

  /**
   * {@code generation 12 prepared +412 ms, pending recorded +3 ms, …}: each step with the time
   * since the one before.
   */
  synchronized String render() {
    StringBuilder sb = new StringBuilder();
    long previous = start;
    for (int i = 0; i < steps.size(); i++) {
      // the file steps ("write /etc/…", one per file) are summed into the next named step
      if (steps.get(i).contains("/")) continue;
      if (sb.length() > 0) sb.append(", ");
      sb.append(steps.get(i)).append(" +").append((at.get(i) - previous) / 1_000_000).append(" ms");
      previous = at.get(i);
    }
    return sb.toString();
  }
}
