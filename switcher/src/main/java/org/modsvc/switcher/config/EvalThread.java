package org.modsvc.switcher.config;

import java.util.function.Supplier;
import org.modsvc.nix.error.ErrorView;
import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.eval.DeepStack;
import org.modsvc.nix.syntax.ParseException;
import org.modsvc.switcher.build.BuildException;

/**
 * Runs an evaluation on a {@link DeepStack} thread and turns every way Nix code can fail into a
 * {@link BuildException}: an {@link EvaluationFailure} with the message, its position and the trace, as
 * {@code eval} prints them, but without {@code showTrace} only the frames in the user's files.
 */
final class EvalThread {
  private EvalThread() {}

  static <T> T call(Supplier<T> body, SourceNames names, boolean showTrace) {
    return DeepStack.call(() -> {
      try {
        return body.get();
      } catch (EvalException e) {
        throw new EvaluationFailure(showTrace ? ErrorView.whole(e) : ErrorView.of(e, names::isUsers, names::isAboutUsers), names);
      } catch (ParseException e) {
        throw new EvaluationFailure(ErrorView.untraced(e.getMessage(), e.span()), names);
      } catch (StackOverflowError e) {
        throw new BuildException("stack overflow while evaluating the modules; max-call-depth exceeded");
      }
    });
  }
}
