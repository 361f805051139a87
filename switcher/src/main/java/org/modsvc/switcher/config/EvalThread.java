package org.modsvc.switcher.config;

import java.util.function.Supplier;
import org.modsvc.nix.error.ErrorPrinter;
import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.eval.DeepStack;
import org.modsvc.nix.eval.MemoryLimit;
import org.modsvc.nix.syntax.ParseException;
import org.modsvc.switcher.build.BuildException;

/**
 * Runs an evaluation on a {@link DeepStack} thread and turns every way Nix code can fail into a
 * {@link BuildException} carrying the same report {@code eval} prints: message, {@code at file:line:col} and
 * the source line.
 */
final class EvalThread {
  private EvalThread() {}

  static <T> T call(Supplier<T> body, boolean showTrace) {
    return DeepStack.call(() -> {
      try {
        return body.get();
      } catch (EvalException e) {
        throw new BuildException(withoutPrefix(ErrorPrinter.render(e, showTrace)));
      } catch (ParseException e) {
        throw new BuildException(withoutPrefix(ErrorPrinter.renderParse(e.getMessage(), e.span())));
      } catch (StackOverflowError e) {
        throw new BuildException("stack overflow while evaluating the modules; max-call-depth exceeded");
      } catch (OutOfMemoryError e) {
        throw new BuildException(MemoryLimit.report() + "\n(the launcher's MODSVC_HEAP sets the limit)");
      }
    });
  }

  /** The caller prints "error: " itself. */
  private static String withoutPrefix(String report) {
    String r = report.stripTrailing();
    return r.startsWith("error: ") ? r.substring("error: ".length()) : r;
  }
}
