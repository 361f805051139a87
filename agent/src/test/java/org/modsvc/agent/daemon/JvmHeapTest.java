package org.modsvc.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.junit.jupiter.api.Test;

class JvmHeapTest {
  private final HotSpotDiagnosticMXBean vm =
      ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final JvmHeap heap = new JvmHeap();

  /** Sunk into by {@link #growTheHeap}, so the allocations are not optimised away. */
  private static volatile Object sink;

  @Test
  void bothCollectionsPutTheJvmsOwnRatiosBack() {
    String min = vm.getVMOption("MinHeapFreeRatio").getValue();
    String max = vm.getVMOption("MaxHeapFreeRatio").getValue();
    assertEquals("full collection, heap size kept", heap.afterEvaluation());
    assertEquals(min, vm.getVMOption("MinHeapFreeRatio").getValue());
    assertEquals(max, vm.getVMOption("MaxHeapFreeRatio").getValue());
    assertEquals("full collection, at most " + JvmHeap.MAX_FREE + " % left free", heap.whenIdle());
    assertEquals(min, vm.getVMOption("MinHeapFreeRatio").getValue());
    assertEquals(max, vm.getVMOption("MaxHeapFreeRatio").getValue());
  }

  /**
   * With this JVM's own ratios (at most 70 % free by default) a full collection of a heap that is
   * mostly garbage shrinks it; the collection after an evaluation must not, the idle one must.
   */
  @Test
  void afterAnEvaluationTheHeapKeepsItsSize_onceIdleItShrinks() {
    heap.whenIdle();
    long small = memory.getHeapMemoryUsage().getCommitted();
    growTheHeap(small);
    long grown = memory.getHeapMemoryUsage().getCommitted();
    assumeTrue(
        grown >= small + (64 << 20),
        "this JVM did not grow its heap for garbage ("
            + (small >> 20)
            + " MiB -> "
            + (grown >> 20)
            + " MiB): nothing to keep or give back");
    heap.afterEvaluation();
    long kept = memory.getHeapMemoryUsage().getCommitted();
    assertTrue(kept >= grown, "kept " + (kept >> 20) + " of " + (grown >> 20) + " MiB");
    heap.whenIdle();
    long returned = memory.getHeapMemoryUsage().getCommitted();
    assertTrue(
        returned < grown - (32 << 20),
        "gave back: " + (grown >> 20) + " -> " + (returned >> 20) + " MiB");
  }

  /** Allocates garbage, a little of it kept for a while, until the JVM commits 96 MiB more heap. */
  private static void growTheHeap(long from) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long max = memory.getHeapMemoryUsage().getMax();
    long target = from + (96L << 20);
    if (max > 0 && target > max * 3 / 4) target = max * 3 / 4;
    Object[] window = new Object[256];
    for (int i = 0; i < 200_000 && memory.getHeapMemoryUsage().getCommitted() < target; i++) {
      window[i % window.length] = new byte[64 << 10];
      sink = window;
    }
    sink = null;
  }
}
