package org.modsvc.agent.daemon;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.modsvc.switcher.build.Built;
import org.modsvc.switcher.config.ConfigurationSource;
import org.modsvc.switcher.generation.Layout;
import org.modsvc.switcher.store.Store;

/**
 * The configuration source of the daemon's switches, measuring its evaluation and build: the switch
 * calls it once, with the lock held, so its time is the evaluation's share of a cycle.
 */
final class TimedSource implements ConfigurationSource {
  private final ConfigurationSource inner;
  private final StepTimes steps;
  private volatile Duration last;

  TimedSource(ConfigurationSource inner, StepTimes steps) {
    this.inner = inner;
    this.steps = steps;
  }

  @Override
  public Built build(Layout layout, Store store) throws IOException {
    long start = System.nanoTime();
    try {
      Built built = inner.build(layout, store);
      steps.reached("evaluated");
      return built;
    } finally {
      last = Duration.ofNanos(System.nanoTime() - start);
    }
  }

  /**
   * The time of the last call, and forgets it (a switch that stopped before evaluating has none).
   */
  Optional<Duration> takeLast() {
    Duration d = last;
    last = null;
    return Optional.ofNullable(d);
  }
}
