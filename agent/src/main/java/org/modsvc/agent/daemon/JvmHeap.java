package org.modsvc.agent.daemon;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Optional;

/**
 * The daemon's heap upkeep on HotSpot (docs/decisions.md §13): a full collection with the free
 * ratios set, through HotSpot's manageable flags, for that collection only.
 *
 * <ul>
 *   <li>After an evaluation nothing of it is live any more, so one full collection costs little
 *       (~20 ms, 100 services) and with {@code MaxHeapFreeRatio=100} it shrinks nothing. The next
 *       evaluation then runs in an empty young generation and usually without any collection. Left
 *       to G1, a young collection came in the middle of most evaluations and copied their live
 *       thunks (100 services, warm: 50-400 ms, median ~110, against ~55 ms).
 *   <li>Once idle, a collection with tight ratios (at most {@link #MAX_FREE} % left free) gives the
 *       heap back. Tight only for that collection: kept tight, G1 would also shrink the heap
 *       between the young collections of an evaluation, which then runs in a heap too small for it.
 * </ul>
 *
 * On a JVM without these flags each is a plain full collection.
 */
final class JvmHeap implements HeapUpkeep {
  static final int MIN_FREE = 10;
  static final int MAX_FREE = 30;

  /** {@code MaxHeapFreeRatio=100}: no amount of free heap makes a collection shrink it. */
  static final int KEEP_ALL = 100;

  @Override
  public String afterEvaluation() {
    return collect(null, KEEP_ALL, "full collection, heap size kept");
  }

  @Override
  public String whenIdle() {
    return collect(MIN_FREE, MAX_FREE, "full collection, at most " + MAX_FREE + " % left free");
  }

  /**
   * Collects with {@code MaxHeapFreeRatio=maxFree} and {@code MinHeapFreeRatio} at most {@code
   * minFree} (unchanged when null), then puts the JVM's own ratios back.
   */
  private static String collect(Integer minFree, int maxFree, String what) {
    Optional<HotSpotDiagnosticMXBean> vm = hotSpot();
    if (vm.isEmpty()) {
      System.gc();
      return "full collection (free ratios not settable on this JVM)";
    }
    HotSpotDiagnosticMXBean hs = vm.get();
    try {
      String min = hs.getVMOption("MinHeapFreeRatio").getValue();
      String max = hs.getVMOption("MaxHeapFreeRatio").getValue();
      int newMin =
          minFree == null ? Integer.parseInt(min) : Math.min(minFree, Integer.parseInt(min));
      // the JVM refuses min > max: min first when setting (never above the old min, so below both
      // maxima), max first when putting them back
      hs.setVMOption("MinHeapFreeRatio", Integer.toString(newMin));
      hs.setVMOption("MaxHeapFreeRatio", Integer.toString(maxFree));
      try {
        System.gc();
      } finally {
        hs.setVMOption("MaxHeapFreeRatio", max);
        hs.setVMOption("MinHeapFreeRatio", min);
      }
      return what;
    } catch (IllegalArgumentException e) {
      System.gc();
      return "full collection (" + e.getMessage() + ")";
    }
  }

  private static Optional<HotSpotDiagnosticMXBean> hotSpot() {
    try {
      return Optional.ofNullable(
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class));
    } catch (LinkageError | RuntimeException e) {
      return Optional.empty();
    }
  }
}
