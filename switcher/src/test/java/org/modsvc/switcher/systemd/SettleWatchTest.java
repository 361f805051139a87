package org.modsvc.switcher.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The settle rules against scripted unit states and a fake clock: no systemd, no waiting. */
class SettleWatchTest {
  /** Time moves only when the watch sleeps; each unit's state is looked up by the time. */
  static class Script implements SettleWatch.Ticker, SettleWatch.Probe {
    long now;
    final Map<String, List<long[]>> changes = new HashMap<>(); // unit -> [atMillis, stateIndex]
    final Map<String, List<UnitState>> states = new HashMap<>();
    int probes;

    Script at(String unit, long millis, String active, String sub, long restarts) {
      states
          .computeIfAbsent(unit, u -> new ArrayList<>())
          .add(
              new UnitState(
                  unit,
                  "loaded",
                  active,
                  sub,
                  OptionalLong.empty(),
                  OptionalInt.of(active.equals("failed") ? 203 : 0),
                  active.equals("failed") ? "exit-code" : "success",
                  OptionalLong.of(restarts)));
      changes
          .computeIfAbsent(unit, u -> new ArrayList<>())
          .add(new long[] {millis, states.get(unit).size() - 1});
      return this;
    }

    @Override
    public long nanoTime() {
      return now;
    }

    @Override
    public void sleep(Duration d) {
      now += d.toNanos();
    }

    @Override
    public UnitState state(String unit) {
      probes++;
      UnitState s = null;
      for (long[] c : changes.get(unit)) {
        if (c[0] * 1_000_000 <= now) s = states.get(unit).get((int) c[1]);
      }
      return s;
    }
  }

  private static List<SettleWatch.Unhealthy> watch(Script s, List<String> units)
      throws InterruptedException {
    return new SettleWatch(s, Duration.ofSeconds(5), s).watch(units);
  }

  @Test
  void aHealthyServiceIsWatchedForTheWholeWindow() throws InterruptedException {
    Script s = new Script().at("web.service", 0, "active", "running", 0);
    assertEquals(List.of(), watch(s, List.of("web.service")));
    assertEquals(5_000_000_000L, s.now);
  }

  @Test
  void aServiceThatFailsWithinTheWindowIsUnhealthy() throws InterruptedException {
    Script s =
        new Script()
            .at("web.service", 0, "active", "running", 0)
            .at("web.service", 300, "failed", "failed", 0)
            .at("ok.service", 0, "active", "running", 0);
    assertEquals(
        List.of(
            new SettleWatch.Unhealthy(
                "web.service",
                "failed within 5 s of its start; Result=exit-code, exit status 203")),
        watch(s, List.of("web.service", "ok.service")));
  }

  @Test
  void aServiceSystemdRestartsIsUnhealthy_evenWhenItLooksActive() throws InterruptedException {
    Script s =
        new Script()
            .at("loop.service", 0, "active", "running", 0)
            .at("loop.service", 1200, "active", "running", 2);
    assertEquals(
        List.of(
            new SettleWatch.Unhealthy(
                "loop.service", "restarted by systemd 2 times within 5 s of its start")),
        watch(s, List.of("loop.service")));
  }

  @Test
  void restartsBeforeTheWatchBeganAreNotCounted() throws InterruptedException {
    Script s = new Script().at("web.service", 0, "active", "running", 3);
    assertEquals(List.of(), watch(s, List.of("web.service")));
  }

  @Test
  void aServiceStillWaitingForItsAutomaticRestartWhenTheWindowEndsIsUnhealthy()
      throws InterruptedException {
    Script s = new Script().at("slow.service", 0, "activating", "auto-restart", 0);
    assertEquals(
        List.of(
            new SettleWatch.Unhealthy(
                "slow.service", "exited within 5 s of its start and waits to be restarted")),
        watch(s, List.of("slow.service")));
  }

  @Test
  void aSleepThatWakesShortOfTheWindowsEnd_stillEndsWithTheEndOfWindowCheck()
      throws InterruptedException {
    // the last sleep ends a nanosecond before the window does, and reading the state (a D-Bus call)
    // takes 1 ms
    Script s =
        new Script() {
          @Override
          public void sleep(Duration d) {
            now += d.toNanos() - 1;
          }

          @Override
          public UnitState state(String unit) {
            UnitState state = super.state(unit);
            now += 1_000_000;
            return state;
          }
        }.at("slow.service", 0, "activating", "auto-restart", 0);
    assertEquals(
        List.of(
            new SettleWatch.Unhealthy(
                "slow.service", "exited within 5 s of its start and waits to be restarted")),
        watch(s, List.of("slow.service")));
  }

  @Test
  void stopsEarlyOnceEveryUnitIsUnhealthy() throws InterruptedException {
    Script s = new Script().at("web.service", 0, "failed", "failed", 0);
    watch(s, List.of("web.service"));
    assertEquals(0, s.now);
  }

  @Test
  void aZeroWindowChecksNothing() throws InterruptedException {
    Script s = new Script().at("web.service", 0, "failed", "failed", 0);
    assertEquals(List.of(), new SettleWatch(s, Duration.ZERO, s).watch(List.of("web.service")));
    assertEquals(0, s.probes);
  }

  @Test
  void aStateThatCannotBeReadMakesNoUnitUnhealthy() throws InterruptedException {
    assertEquals(
        List.of(),
        new SettleWatch(unit -> null, Duration.ofSeconds(1), new Script())
            .watch(List.of("a.service")));
  }

  @Test
  void refusesANegativeWindow() {
    Script s = new Script();
    assertThrows(
        IllegalArgumentException.class, () -> new SettleWatch(s, Duration.ofSeconds(-1), s));
  }
}
