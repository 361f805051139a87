package org.modsvc.switcher.activation;

import java.io.PrintStream;
import org.modsvc.switcher.generation.Checkpoint;

/**
 * A test hook on the switch's checkpoints: with {@code MODSVC_TEST_PAUSE_AT=PREFIX} in the
 * environment, the agent announces {@code modsvc: paused at STEP (pid N)} on stderr at the first
 * step starting with PREFIX and sleeps until it is killed. The crash tests use it to kill -9 the
 * agent at a named point of a real switch; without the variable it does nothing.
 */
public final class StepHook {
  public static final String VARIABLE = "MODSVC_TEST_PAUSE_AT";

  private StepHook() {}

  public static Checkpoint fromEnvironment(PrintStream err) {
    String prefix = System.getenv(VARIABLE);
    if (prefix == null || prefix.isEmpty()) {
      return Checkpoint.NONE;
    }
    return step -> {
      if (step.startsWith(prefix)) {
        err.println("modsvc: paused at " + step + " (pid " + ProcessHandle.current().pid() + ")");
        err.flush();
        while (true) {
          try {
            Thread.sleep(60_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    };
  }
}
