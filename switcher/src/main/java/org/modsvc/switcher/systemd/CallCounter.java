package org.modsvc.switcher.systemd;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many D-Bus method calls a {@link SystemdClient} made, by method name ({@code Reload}, {@code
 * StartUnit}, …). The switch reports it so "one daemon-reload plus one job per affected unit" can
 * be checked, not assumed.
 */
public final class CallCounter {
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  void count(String method) {
    counts.computeIfAbsent(method, m -> new LongAdder()).increment();
  }

  /** The counts so far, sorted by method name. */
  public Map<String, Long> snapshot() {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((m, n) -> out.put(m, n.sum()));
    return out;
  }
}
