package org.modsvc.switcher.activation;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;
import org.modsvc.switcher.generation.GenerationSwitcher;
import org.modsvc.switcher.generation.SwitchLock;

/**
 * Takes the switch lock, waiting for a running switch to finish (bounded), so two switches started
 * together run one after the other instead of one failing; the kernel drops a dead holder's lock,
 * so waiting never outlives it.
 */
final class LockWaiter {
  private static final long POLL_MS = 100;

  private LockWaiter() {}

  static SwitchLock acquire(GenerationSwitcher gs, Duration wait, Consumer<String> progress)
      throws IOException {
    long deadline = System.nanoTime() + wait.toNanos();
    boolean announced = false;
    while (true) {
      try {
        return gs.lock();
      } catch (SwitchLock.LockHeldException held) {
        if (System.nanoTime() > deadline) {
          throw new SwitchException(
              ExitCode.FATAL, held.getMessage() + " (waited " + wait.toSeconds() + " s)", held);
        }
        if (!announced) {
          progress.accept("waiting for the switch lock: " + held.getMessage());
          announced = true;
        }
        try {
          Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new SwitchException(
              ExitCode.FATAL, "interrupted while waiting for the switch lock", e);
        }
      }
    }
  }
}
