package org.modsvc.switcher.config;

import java.util.function.Supplier;
import org.modsvc.nix.error.ErrorPrinter;
import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.syntax.ParseException;
import org.modsvc.switcher.build.BuildException;

/**
 * Runs an evaluation on a thread with a large stack (deep but finite Nix recursion must not overflow) and
 * turns every way Nix code can fail into a {@link BuildException} carrying the same report {@code eval}
 * prints: message, {@code at file:line:col} and the source line.
 */
final class EvalThread {
  static final long STACK_BYTES = 1L << 30;

  private EvalThread() {}

  static <T> T call(Supplier<T> body, boolean showTrace) {
    Object[] result = new Object[1];
    RuntimeException[] failure = new RuntimeException[1];
    Error[] error = new Error[1];
    Thread t = new Thread(null, () -> {
      try {
        result[0] = body.get();
      } catch (EvalException e) {
        failure[0] = new BuildException(withoutPrefix(ErrorPrinter.render(e, showTrace)));
      } catch (ParseException e) {
        failure[0] = new BuildException(withoutPrefix(ErrorPrinter.renderParse(e.getMessage(), e.span())));
      } catch (StackOverflowError e) {
        failure[0] = new BuildException("stack overflow while evaluating the modules; max-call-depth exceeded");
      } catch (RuntimeException e) {
        failure[0] = e;
      } catch (Error e) {
        error[0] = e;
      }
    }, "nix-eval", STACK_BYTES);
    t.start();
    boolean interrupted = false;
    while (true) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
    if (error[0] != null) throw error[0];
    if (failure[0] != null) throw failure[0];
    @SuppressWarnings("unchecked")
    T r = (T) result[0];
    return r;
  }

  /**
   * The caller prints "error: " itself. A report with a trace starts with a bare "error:" line, the trace
   * following indented: the trace's first line then takes the caller's prefix.
   */
  static String withoutPrefix(String report) {
    String r = report.stripTrailing();
    return r.startsWith("error:") ? r.substring("error:".length()).stripLeading() : r;
  }
}
