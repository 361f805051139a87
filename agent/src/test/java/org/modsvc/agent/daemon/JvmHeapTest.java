package org.modsvc.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.OptionalInt;
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
    long grown = givenBackThenGrownByGarbage();
    heap.afterEvaluation();
    long kept = memory.getHeapMemoryUsage().getCommitted();
    assertTrue(kept >= grown, "kept " + (kept >> 20) + " of " + (grown >> 20) + " MiB");
    heap.whenIdle();
    long returned = memory.getHeapMemoryUsage().getCommitted();
    assertTrue(
        returned < grown - (32 << 20),
        "gave back: " + (grown >> 20) + " -> " + (returned >> 20) + " MiB");
  }

  /**
   * An evaluation that allocated much more than its heap leaves free gets a heap with room for
   * {@link JvmHeap#ROOM} times that, so the next one of its size runs without a young collection.
   */
  @Test
  void afterAnEvaluationThatFilledTheHeap_itGrowsToRoomForTheNextOne() {
    long allocation = anAllocationTheHeapGrowsFor();
    heap.whenIdle();
    long small = memory.getHeapMemoryUsage().getCommitted();
    allocate(allocation);
    assertRoomFor(allocation, small, heap.afterEvaluation());
    String again = heap.afterEvaluation();
    assertFalse(again.contains("grown"), "nothing allocated since: " + again);
  }

  /**
   * An evaluation that needs more room than the cap allows runs through young collections in any
   * heap, so keeping the heap it grew would only hold memory: it is given back at once.
   */
  @Test
  void afterAnEvaluationTooLargeToHoldRoomFor_theHeapIsGivenBackAtOnce() {
    long max = memory.getHeapMemoryUsage().getMax();
    assumeTrue(max > 0, "this JVM's heap has no cap: no evaluation is too large for it");
    long grown = givenBackThenGrownByGarbage();
    allocate((long) (max * JvmHeap.MOST_OF_THE_CAP / JvmHeap.ROOM) + (16 << 20));
    String said = heap.afterEvaluation();
    long after = memory.getHeapMemoryUsage().getCommitted();
    assertTrue(said.contains("heap given back"), said);
    assertTrue(
        after < grown - (32 << 20),
        "gave back: " + (grown >> 20) + " -> " + (after >> 20) + " MiB: " + said);
    String before = heap.beforeEvaluation();
    assertFalse(before.contains("grown"), "not grown for the next one either: " + before);
  }

  @Test
  void aHeapGivenBackIsGrownBeforeTheNextEvaluation_toRoomForWhatTheLastOneAllocated() {
    long allocation = anAllocationTheHeapGrowsFor();
    heap.afterEvaluation();
    allocate(allocation);
    heap.afterEvaluation();
    assertEquals("heap as the last evaluation left it", heap.beforeEvaluation());
    heap.whenIdle();
    long small = memory.getHeapMemoryUsage().getCommitted();
    assertRoomFor(allocation, small, heap.beforeEvaluation());
    assertEquals(
        "heap as the last evaluation left it", heap.beforeEvaluation(), "grown once, not again");
  }

  @Test
  void theHeapGrowsToItsLiveDataAndThreeTimesTheAllocation_withinTheCap() {
    long mib = 1 << 20;
    // 11 MiB live, 48 allocated, 117 committed: wanted 155 MiB, so 93 % of it free
    assertEquals(
        OptionalInt.of(93), JvmHeap.minFreeToGrow(11 * mib, 117 * mib, 512 * mib, 48 * mib));
    assertEquals(
        OptionalInt.empty(),
        JvmHeap.minFreeToGrow(11 * mib, 160 * mib, 512 * mib, 48 * mib),
        "room enough already");
    assertEquals(
        OptionalInt.empty(),
        JvmHeap.minFreeToGrow(11 * mib, 117 * mib, 512 * mib, 490 * mib),
        "1000 services: collects anyway, the heap is not held for it");
    assertEquals(OptionalInt.of(93), JvmHeap.minFreeToGrow(11 * mib, 117 * mib, -1, 48 * mib));
    assertEquals(
        OptionalInt.of(JvmHeap.MAX_MIN_FREE),
        JvmHeap.minFreeToGrow(1 * mib, 16 * mib, 512 * mib, 64 * mib),
        "at most 20 times the live data");
    assertEquals(OptionalInt.empty(), JvmHeap.minFreeToGrow(11 * mib, 16 * mib, 512 * mib, 0));
  }

  @Test
  void aHeapIsTooLargeToHoldBeyondMostOfTheCap() {
    long mib = 1 << 20;
    assertFalse(JvmHeap.tooLargeToHold(300 * mib, 512 * mib));
    assertTrue(JvmHeap.tooLargeToHold(320 * mib, 512 * mib), "more than 60 % of 512 MiB");
    assertFalse(JvmHeap.tooLargeToHold(4096 * mib, -1), "no cap");
  }

  /**
   * The heap, {@code before} bytes before {@code said} was done, now has room for {@link
   * JvmHeap#ROOM} times {@code allocation} beside what is in use (nine tenths of it: G1 sizes in
   * regions).
   */
  private void assertRoomFor(long allocation, long before, String said) {
    long used = memory.getHeapMemoryUsage().getUsed();
    long grown = memory.getHeapMemoryUsage().getCommitted();
    assertTrue(
        grown >= used + JvmHeap.ROOM * allocation * 9 / 10,
        "heap "
            + (before >> 20)
            + " -> "
            + (grown >> 20)
            + " MiB, in use "
            + (used >> 20)
            + " MiB: "
            + said);
  }

  /** 48 MiB; the test is skipped under a heap cap too small to grow for it. */
  private long anAllocationTheHeapGrowsFor() {
    long max = memory.getHeapMemoryUsage().getMax();
    long allocation = 48L << 20;
    assumeTrue(
        max < 0 || JvmHeap.ROOM * allocation * 2 < max * JvmHeap.MOST_OF_THE_CAP,
        "a heap cap of " + (max >> 20) + " MiB is too small to grow for this test");
    return allocation;
  }

  /**
   * The committed heap after it was given back and then grown by garbage by at least 64 MiB; the
   * test is skipped on a JVM that does not grow its heap for garbage.
   */
  private long givenBackThenGrownByGarbage() {
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
    return grown;
  }

  /** Allocates {@code bytes} of garbage. */
  private static void allocate(long bytes) {
    for (long done = 0; done < bytes; done += 64 << 10) sink = new byte[64 << 10];
    sink = null;
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
