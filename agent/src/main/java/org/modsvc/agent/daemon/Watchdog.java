package org.modsvc.agent.daemon;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * systemd's watchdog ({@code WatchdogSec=}): sends {@code WATCHDOG=1} every half of {@code
 * WATCHDOG_USEC}, but only while the daemon's loop is alive (it beat recently, or its current
 * switch has not run past its bound). A hung loop stops the pings and systemd restarts the service;
 * so does a stopped process (SIGSTOP), whose pinging thread stops with it. Each ping carries the
 * status line again, so "converged 3 min ago" stays true.
 */
final class Watchdog implements AutoCloseable {
  private final Notifier notifier;
  private final Duration interval;
  private final BooleanSupplier alive;
  private final Supplier<String> status;
  private final DaemonLog log;
  private final Thread thread;

  private Watchdog(
      Notifier notifier,
      Duration interval,
      BooleanSupplier alive,
      Supplier<String> status,
      DaemonLog log) {
    this.notifier = notifier;
    this.interval = interval;
    this.alive = alive;
    this.status = status;
    this.log = log;
    this.thread = new Thread(this::run, "modsvc-watchdog");
    thread.setDaemon(true);
  }

  /**
   * {@code WATCHDOG_USEC} when systemd asked for a watchdog for this process ({@code WATCHDOG_PID}
   * unset or ours).
   */
  static Optional<Duration> requested(Map<String, String> env) {
    String usec = env.get("WATCHDOG_USEC");
    if (usec == null || usec.isBlank()) return Optional.empty();
    String pid = env.get("WATCHDOG_PID");
    if (pid != null
        && !pid.isBlank()
        && !pid.strip().equals(String.valueOf(ProcessHandle.current().pid()))) {
      return Optional.empty();
    }
    try {
      long us = Long.parseLong(usec.strip());
      return us > 0 ? Optional.of(Duration.ofNanos(us * 1000)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static Watchdog start(
      Notifier notifier,
      Duration interval,
      BooleanSupplier alive,
      Supplier<String> status,
      DaemonLog log) {
    Watchdog w = new Watchdog(notifier, interval, alive, status, log);
    w.thread.start();
    return w;
  }

  private void run() {
    long period = Math.max(1, interval.toMillis() / 2);
    boolean complained = false;
    while (true) {
      try {
        Thread.sleep(period);
      } catch (InterruptedException e) {
        return;
      }
      if (alive.getAsBoolean()) {
        complained = false;
        try {
          notifier.send("WATCHDOG=1\nSTATUS=" + status.get());
        } catch (RuntimeException e) {
          log.warning("watchdog ping failed: " + e.getMessage());
        }
      } else if (!complained) {
        complained = true;
        log.error(
            "the daemon's loop does not answer: watchdog pings stopped, systemd will restart the service");
      }
    }
  }

  @Override
  public void close() {
    thread.interrupt();
  }
}
