package org.modsvc.nix.eval;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import javax.management.NotificationEmitter;

/**
 * Ends an evaluation that exhausts the heap ({@code genList (x: x) 100000000}) within seconds, with
 * a report instead of a crash.
 *
 * <p>Left alone, the JVM spends minutes in back-to-back full collections that free nothing before
 * it throws (measured: 19 full collections of ~1.8 GB in 6 minutes on a 2 GiB heap, never giving
 * up). So we watch the old generation: once a full collection leaves it more than {@link
 * #THRESHOLD} full, the evaluation is out of memory, and its next check ({@link #check}: every
 * function call and every long list built by a builtin) throws an {@link OutOfMemoryError} on the
 * evaluation thread. That error, and a real one, is caught where the evaluation started, once its
 * stack has unwound: everything it allocated is garbage again, and the process prints {@link
 * #report} and exits normally.
 */
public final class MemoryLimit {
  /**
   * Fraction of the old generation still in use after a full collection that counts as exhausted.
   */
  static final double THRESHOLD = 0.9;

  private static volatile boolean exhausted;
  private static final java.util.concurrent.atomic.AtomicBoolean WATCHING =
      new java.util.concurrent.atomic.AtomicBoolean();

  private MemoryLimit() {}

  /**
   * Starts the watch once per process, on a thread of its own: the management classes take tens of
   * milliseconds to load, which the evaluation need not wait for.
   */
  public static void startWatching() {
    if (!WATCHING.compareAndSet(false, true)) return;
    Thread t = new Thread(MemoryLimit::watch, "nix-memory-watch");
    t.setDaemon(true);
    t.start();
  }

  /** {@code evaluation ran out of memory (limit N MiB)}, N the JVM's maximum heap. */
  public static String report() {
    return "evaluation ran out of memory (limit "
        + (Runtime.getRuntime().maxMemory() >> 20)
        + " MiB)";
  }

  /**
   * Throws on the evaluation thread once the watch says the heap is exhausted; clears the alarm.
   */
  public static void check() {
    if (exhausted) {
      exhausted = false;
      throw new OutOfMemoryError(report());
    }
  }

  /** Installs the watch on the heap pool that collections cannot empty (the old generation). */
  private static void watch() {
    MemoryPoolMXBean old = null;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP
          && pool.isCollectionUsageThresholdSupported()
          && pool.getUsage().getMax() > 0
          && (old == null || pool.getUsage().getMax() > old.getUsage().getMax())) {
        old = pool;
      }
    }
    if (old == null
        || !(ManagementFactory.getMemoryMXBean() instanceof NotificationEmitter emitter)) return;
    old.setCollectionUsageThreshold((long) (old.getUsage().getMax() * THRESHOLD));
    emitter.addNotificationListener(
        (notification, handback) -> {
          if (MemoryNotificationInfo.MEMORY_COLLECTION_THRESHOLD_EXCEEDED.equals(
              notification.getType())) exhausted = true;
        },
        null,
        null);
  }
}
