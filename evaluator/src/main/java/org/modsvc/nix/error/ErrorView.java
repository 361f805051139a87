package org.modsvc.nix.error;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.modsvc.nix.source.Source;
import org.modsvc.nix.source.Span;

/**
 * The parts of an error a reader is shown: the message, its position, and the trace frames,
 * outermost first. A reader who wrote only some of the files (a module author, not the author of
 * the lib and of the modules that call theirs) sees the frames in their own files and the frames
 * without a position that speak of their code (the lib's "while evaluating the option …" context);
 * the rest are counted in {@code leftOut}.
 *
 * @param position the error's own position, {@link Span#NONE} when unknown or left out
 */
public record ErrorView(
    String message, Span position, List<EvalException.TraceFrame> frames, int leftOut) {
  public ErrorView {
    frames = List.copyOf(frames);
  }

  /** Every frame and the position. */
  public static ErrorView whole(EvalException e) {
    return of(e, source -> true, context -> true);
  }

  /**
   * The frames and position in the sources {@code isOwn} accepts, and the frames without a position
   * whose message {@code isOwnContext} accepts.
   */
  public static ErrorView of(
      EvalException e, Predicate<Source> isOwn, Predicate<String> isOwnContext) {
    List<EvalException.TraceFrame> kept = new ArrayList<>();
    int leftOut = 0;
    List<EvalException.TraceFrame> trace = e.trace();
    for (int i = trace.size() - 1; i >= 0; i--) {
      EvalException.TraceFrame f = trace.get(i);
      if (f.span().isKnown() ? !isOwn.test(f.span().source()) : !isOwnContext.test(f.message())) {
        leftOut++;
      } else if (kept.isEmpty() || !kept.get(kept.size() - 1).equals(f)) {
        kept.add(f);
      }
    }
    Span position = e.span();
    if (position.isKnown() && !isOwn.test(position.source())) {
      position = Span.NONE;
      leftOut++;
    }
    return new ErrorView(e.getMessage(), position, kept, leftOut);
  }

  /** An error that has no trace: a syntax error. */
  public static ErrorView untraced(String message, Span position) {
    return new ErrorView(message, position == null ? Span.NONE : position, List.of(), 0);
  }
}
