package org.modsvc.nix.eval;

import java.util.function.Supplier;

/**
 * Runs an evaluation on a thread with a 1 GiB stack: deep but finite Nix recursion (module systems
 * nest thousands of calls) must not overflow the JVM's default stack before {@code max-call-depth}
 * says so. Whatever the body throws is rethrown on the caller's thread.
 */
public final class DeepStack {
  public static final long STACK_BYTES = 1L << 30;

  private DeepStack() {}

  public static <T> T call(Supplier<T> body) {
    MemoryLimit.startWatching();
    Object[] result = new Object[1];
    Throwable[] failure = new Throwable[1];
    Thread t =
        new Thread(
            null,
            () -> {
              try {
                result[0] = body.get();
              } catch (RuntimeException | Error e) {
                failure[0] = e;
              }
            },
            "nix-eval",
            STACK_BYTES);
    t.start();
    boolean interrupted = false;
    while (true) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        // The evaluation cannot be cancelled safely midway; finish it, then pass the interrupt on.
        interrupted = true;
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
    if (failure[0] instanceof RuntimeException e) throw e;
    if (failure[0] instanceof Error e) throw e;
    @SuppressWarnings("unchecked")
    T r = (T) result[0];
    return r;
  }
}
