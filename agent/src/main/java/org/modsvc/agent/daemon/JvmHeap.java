package org.modsvc.agent.daemon;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The daemon's heap upkeep on HotSpot (docs/decisions.md §13): full collections with the free
 * ratios set, through HotSpot's manageable flags, for that collection only.
 *
 * <ul>
 *   <li>After an evaluation nothing of it is live any more, so one full collection costs little
 *       (~30 ms, 100 services) and with {@code MaxHeapFreeRatio=100} it shrinks nothing. When the
 *       heap is then smaller than its live data plus {@link #ROOM} times what the evaluation
 *       allocated, a second collection grows it to that ({@code MinHeapFreeRatio} set to leave that
 *       much free): the next evaluation of that size then fits in G1's young generation and runs
 *       without a collection. A young collection in the middle of an evaluation copies its live
 *       thunks, and G1's write barriers then slow every thunk update that crosses regions (100
 *       services, warm: 150-400 ms against ~55 ms without one).
 *   <li>An evaluation too large for that room under the cap (1000 services allocate ~490 MB) runs
 *       through young collections whatever the heap, so after it the heap is given back at once.
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

  /**
   * The heap an evaluation gets: its live data and this many times what the last evaluation
   * allocated, since G1 gives its young generation ~40 % of the heap (measured: the young
   * collection of a 127 MiB heap came at ~52 MiB of new objects).
   */
  static final int ROOM = 3;

  /**
   * Evaluations allocating more than this share of the heap's cap collect anyway (1000 services:
   * ~490 MB): growing the heap for them would only hold memory.
   */
  static final double MOST_OF_THE_CAP = 0.6;

  /** Grown at most this far: {@code MinHeapFreeRatio} beyond it means a heap 20 times its data. */
  static final int MAX_MIN_FREE = 95;

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private long allocatedAtLastCollection = allocatedSoFar();

  /** What the last evaluation allocated, for the one after the heap was given back. */
  private long lastAllocation;

  private boolean givenBack;

  @Override
  public String beforeEvaluation() {
    if (!givenBack) return "heap as the last evaluation left it";
    givenBack = false;
    String grown = grow(lastAllocation);
    return grown.isEmpty() ? "heap as given back (room enough)" : "heap" + grown;
  }

  @Override
  public String afterEvaluation() {
    long allocated = allocatedSoFar() - allocatedAtLastCollection;
    lastAllocation = allocated;
    givenBack = false;
    long max = memory.getHeapMemoryUsage().getMax();
    if (tooLargeToHold(ROOM * allocated, max)) {
      return collect(
          Ratios.TIGHT,
          "full collection, heap given back: an evaluation allocating "
              + (allocated >> 20)
              + " MiB runs through young collections in any heap under the cap");
    }
    String said = collect(Ratios.KEEP, "full collection, heap size kept");
    String grown = grow(allocated);
    return grown.isEmpty() ? said : said + ", then" + grown;
  }

  /**
   * One more collection that grows the heap to room for an evaluation allocating {@code allocated}
   * when it has less (the heap in use counted as live); says how, or nothing when not needed.
   */
  private String grow(long allocated) {
    long live = memory.getHeapMemoryUsage().getUsed();
    long committed = memory.getHeapMemoryUsage().getCommitted();
    long max = memory.getHeapMemoryUsage().getMax();
    OptionalInt minFree = minFreeToGrow(live, committed, max, allocated);
    if (minFree.isEmpty()) return "";
    collect(new Ratios(minFree.getAsInt(), KEEP_ALL), "");
    return " grown for an evaluation allocating "
        + (allocated >> 20)
        + " MiB: "
        + (committed >> 20)
        + " -> "
        + (memory.getHeapMemoryUsage().getCommitted() >> 20)
        + " MiB";
  }

  /**
   * The {@code MinHeapFreeRatio} that makes a full collection grow a heap of {@code live} bytes in
   * use and {@code committed} to room for an evaluation that allocates {@code allocated}; empty
   * when it has that room already, or when growing is pointless (nothing measured, or more than
   * {@link #MOST_OF_THE_CAP} of the cap {@code max}, which is negative when there is none).
   */
  static OptionalInt minFreeToGrow(long live, long committed, long max, long allocated) {
    long wanted = live + ROOM * allocated;
    if (allocated <= 0 || committed >= wanted || tooLargeToHold(wanted, max)) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(
        (int) Math.min(MAX_MIN_FREE, Math.ceil(100.0 * (wanted - live) / wanted)));
  }

  /**
   * Whether a heap of {@code wanted} bytes is more than {@link #MOST_OF_THE_CAP} of the cap {@code
   * max} (negative: none). An evaluation that would need one runs through young collections anyway,
   * so its heap is given back right after it instead of kept: keeping it would hold hundreds of MiB
   * for nothing (1000 services: 336 MiB resident after converging, against 137 once given back).
   */
  static boolean tooLargeToHold(long wanted, long max) {
    return max > 0 && wanted > max * MOST_OF_THE_CAP;
  }

  @Override
  public String whenIdle() {
    givenBack = true;
    return collect(Ratios.TIGHT, "full collection, at most " + MAX_FREE + " % left free");
  }

  /**
   * The free ratios of one collection; null: the JVM's own, and for {@link #KEEP} its own minimum.
   */
  private record Ratios(Integer minFree, int maxFree) {
    static final Ratios KEEP = new Ratios(null, KEEP_ALL);
    static final Ratios TIGHT = new Ratios(MIN_FREE, MAX_FREE);
  }

  /** Collects with {@code ratios}, then puts the JVM's own back. */
  private String collect(Ratios ratios, String what) {
    try {
      Optional<HotSpotDiagnosticMXBean> vm = hotSpot();
      if (vm.isEmpty()) {
        System.gc();
        return "full collection (free ratios not settable on this JVM)";
      }
      HotSpotDiagnosticMXBean hs = vm.get();
      try {
        String min = hs.getVMOption("MinHeapFreeRatio").getValue();
        String max = hs.getVMOption("MaxHeapFreeRatio").getValue();
        set(
            hs,
            ratios.minFree() == null ? min : Integer.toString(ratios.minFree()),
            Integer.toString(ratios.maxFree()));
        try {
          System.gc();
        } finally {
          set(hs, min, max);
        }
        return what;
      } catch (IllegalArgumentException e) {
        System.gc();
        return "full collection (" + e.getMessage() + ")";
      }
    } finally {
      allocatedAtLastCollection = allocatedSoFar();
    }
  }

  /** The JVM refuses a minimum above the maximum: 100 first makes any order of the two valid. */
  private static void set(HotSpotDiagnosticMXBean hs, String min, String max) {
    hs.setVMOption("MaxHeapFreeRatio", Integer.toString(KEEP_ALL));
    hs.setVMOption("MinHeapFreeRatio", min);
    hs.setVMOption("MaxHeapFreeRatio", max);
  }

  /** Bytes allocated by every thread since the JVM started, or 0 where the JVM does not tell. */
  private static long allocatedSoFar() {
    try {
      if (ManagementFactory.getThreadMXBean() instanceof ThreadMXBean t
          && t.isThreadAllocatedMemoryEnabled()) {
        return Math.max(0, t.getTotalThreadAllocatedBytes());
      }
    } catch (UnsupportedOperationException | LinkageError e) {
      // not measured: the heap is only kept, never grown
    }
    return 0;
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
