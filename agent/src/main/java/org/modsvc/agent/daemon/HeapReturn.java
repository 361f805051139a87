package org.modsvc.agent.daemon;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Optional;

/**
 * Gives an idle daemon's heap back to the system (docs/decisions.md §13): one full collection with
 * tight free ratios (at most {@link #MAX_FREE} % of the heap left free), then the JVM's ratios
 * again. The ratios are tight only for that collection: kept tight, G1 would also shrink the heap
 * between the young collections of an evaluation, which then runs in a heap too small for it (100
 * services, warm: ~150-200 instead of ~55 ms). Both ratios are manageable HotSpot flags; on a JVM
 * without them this is a plain full collection.
 */
final class HeapReturn {
  static final int MIN_FREE = 10;
  static final int MAX_FREE = 30;

  private HeapReturn() {}

  /**
   * Collects with the tight ratios and puts the previous ones back; says which ratios applied (for
   * the log).
   */
  static String now() {
    Optional<HotSpotDiagnosticMXBean> vm = hotSpot();
    if (vm.isEmpty()) {
      System.gc();
      return "full collection (free ratios not settable on this JVM)";
    }
    HotSpotDiagnosticMXBean hs = vm.get();
    try {
      String min = hs.getVMOption("MinHeapFreeRatio").getValue();
      String max = hs.getVMOption("MaxHeapFreeRatio").getValue();
      // min first when lowering and max first when raising: the JVM refuses min > max
      hs.setVMOption(
          "MinHeapFreeRatio", Integer.toString(Math.min(MIN_FREE, Integer.parseInt(min))));
      hs.setVMOption("MaxHeapFreeRatio", Integer.toString(MAX_FREE));
      try {
        System.gc();
      } finally {
        hs.setVMOption("MaxHeapFreeRatio", max);
        hs.setVMOption("MinHeapFreeRatio", min);
      }
      return "full collection, at most " + MAX_FREE + " % left free";
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
