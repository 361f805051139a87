package org.modsvc.switcher.config;

import java.util.function.Function;
import org.modsvc.nix.Evaluation;
import org.modsvc.nix.error.ErrorView;
import org.modsvc.nix.error.EvalException;
import org.modsvc.switcher.build.BuildException;

/**
 * Runs an evaluation through the evaluator's front door ({@link Evaluation#run}: a deep stack) and
 * turns every way Nix code can fail into a {@link BuildException}: an {@link EvaluationFailure}
 * with the message, its position and the trace, as {@code eval} prints them, but without {@code
 * showTrace} only the frames in the user's files.
 */
final class EvalThread {
  private EvalThread() {}

  static <T> T call(
      Evaluation ev, Function<Evaluation, T> body, SourceNames names, boolean showTrace) {
    Evaluation.Result<T> r = ev.run(body);
    if (r.ok()) return r.value().orElseThrow();
    Evaluation.Failure f = r.failure().orElseThrow();
    switch (f.kind()) {
      case EVAL -> {
        EvalException e = f.evalError();
        throw new EvaluationFailure(
            showTrace ? ErrorView.whole(e) : ErrorView.of(e, names::isUsers, names::isAboutUsers),
            names);
      }
      case PARSE ->
          throw new EvaluationFailure(
              ErrorView.untraced(f.parseError().getMessage(), f.parseError().span()), names);
      case STACK_OVERFLOW ->
          throw new BuildException(
              "stack overflow while evaluating the modules; max-call-depth exceeded");
      default ->
          throw new BuildException(
              f.memoryReport() + "\n(the launcher's MODSVC_HEAP sets the limit)");
    }
  }
}
