package org.modsvc.switcher.systemd;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Health after a switch: a start or restart job ends {@code done} as soon as the process is forked
 * (with {@code Type=simple}), so a service whose program is missing or that crashes right away
 * looks fine to the job. This watches the units whose jobs succeeded for a settle window and calls
 * one unhealthy when it ends up {@code failed}, when its {@code NRestarts} grows (it crashed and
 * systemd restarted it), or when the window ends while it waits for an automatic restart ({@code
 * auto-restart}). Used by the switch (exit 4) and meant for the daemon's health check too.
 */
public final class SettleWatch {
  /**
   * Reads a unit's state ({@link SystemdClient#unitState} in production); null when it cannot be
   * read.
   */
  @FunctionalInterface
  public interface Probe {
    UnitState state(String unit);
  }

  /** The passing of time, so that tests of the rules need not wait. */
  public interface Ticker {
    long nanoTime();

    void sleep(Duration d) throws InterruptedException;

    Ticker SYSTEM =
        new Ticker() {
          @Override
          public long nanoTime() {
            return System.nanoTime();
          }

          @Override
          public void sleep(Duration d) throws InterruptedException {
            Thread.sleep(d.toMillis());
          }
        };
  }

  /**
   * A unit found unhealthy, with the reason in words ({@code failed within 5 s of its start;
   * Result=exit-code}).
   */
  public record Unhealthy(String unit, String reason) {}

  public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(5);
  static final Duration POLL_INTERVAL = Duration.ofMillis(250);

  private final Probe probe;
  private final Duration window;
  private final Ticker ticker;

  public SettleWatch(Probe probe, Duration window) {
    this(probe, window, Ticker.SYSTEM);
  }

  public SettleWatch(Probe probe, Duration window, Ticker ticker) {
    this.probe = Objects.requireNonNull(probe, "probe");
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    if (window.isNegative()) {
      throw new IllegalArgumentException("settle window must not be negative, got " + window);
    }
    this.window = window;
  }

  /**
   * Watches {@code units} (their jobs just succeeded) until the window has passed, polling every
   * 250 ms, and returns the unhealthy ones in the order given. A zero window checks nothing. A unit
   * stops being watched once it is found unhealthy; the watch ends early when every unit is.
   */
  public List<Unhealthy> watch(List<String> units) throws InterruptedException {
    if (window.isZero() || units.isEmpty()) {
      return List.of();
    }
    long end = ticker.nanoTime() + window.toNanos();
    Map<String, Long> baseline = new LinkedHashMap<>();
    Map<String, String> unhealthy = new LinkedHashMap<>();
    for (String unit : units) {
      UnitState first = probe.state(unit);
      baseline.put(unit, first == null ? 0 : first.restarts().orElse(0));
      check(first, baseline.get(unit), false, window).ifPresent(r -> unhealthy.put(unit, r));
    }
    boolean last = false;
    while (unhealthy.size() < units.size() && !last) {
      long left = end - ticker.nanoTime();
      if (left > 0) {
        ticker.sleep(Duration.ofNanos(Math.min(left, POLL_INTERVAL.toNanos())));
      }
      // A sleep may wake a little early (Thread.sleep counts whole milliseconds): the window's end
      // is then reached
      // on the next turn, which must still look once more, with the end-of-window rule.
      last = left <= 0 || ticker.nanoTime() >= end;
      for (String unit : units) {
        if (!unhealthy.containsKey(unit)) {
          check(probe.state(unit), baseline.get(unit), last, window)
              .ifPresent(r -> unhealthy.put(unit, r));
        }
      }
    }
    List<Unhealthy> out = new ArrayList<>();
    for (String unit : units) {
      if (unhealthy.containsKey(unit)) out.add(new Unhealthy(unit, unhealthy.get(unit)));
    }
    return out;
  }

  /** A state that could not be read says nothing: the unit is not called unhealthy for it. */
  private static Optional<String> check(
      UnitState s, long baseline, boolean windowOver, Duration window) {
    if (s == null) {
      return Optional.empty();
    }
    String within = " within " + JobOutcome.seconds(window) + " of its start";
    if ("failed".equals(s.activeState())) {
      return Optional.of("failed" + within + detail(s));
    }
    long restarts = s.restarts().orElse(0);
    if (restarts > baseline) {
      long n = restarts - baseline;
      return Optional.of(
          "restarted by systemd " + n + (n == 1 ? " time" : " times") + within + detail(s));
    }
    if (windowOver && "auto-restart".equals(s.subState())) {
      return Optional.of("exited" + within + " and waits to be restarted" + detail(s));
    }
    return Optional.empty();
  }

  private static String detail(UnitState s) {
    List<String> parts = new ArrayList<>();
    if (!s.result().isEmpty() && !"success".equals(s.result())) parts.add("Result=" + s.result());
    s.execMainStatus()
        .ifPresent(
            st -> {
              if (st != 0) parts.add("exit status " + st);
            });
    return parts.isEmpty() ? "" : "; " + String.join(", ", parts);
  }
}
