package org.modsvc.nix.error;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.modsvc.nix.source.Span;

/**
 * An evaluation error: a message, the place it was raised, and the trace of what was being
 * evaluated (outermost last), filled in as the exception travels up through the evaluator. Stack
 * traces are disabled: the Nix trace is what users see, and errors are part of normal control flow
 * ({@code tryEval}, {@code builtins.addErrorContext}).
 */
public class EvalException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Span span;
  private final transient List<TraceFrame> trace = new ArrayList<>(4);

  public EvalException(String message, Span span) {
    super(message, null, false, false);
    this.span = span == null ? Span.NONE : span;
  }

  public Span span() {
    return span;
  }

  /** Frames from innermost to outermost. */
  public List<TraceFrame> trace() {
    return Collections.unmodifiableList(trace);
  }

  /** Adds a "… while …" frame (called while unwinding, so frames arrive innermost first). */
  public EvalException addTrace(String message, Span where) {
    if (trace.size() < 1000) trace.add(new TraceFrame(message, where == null ? Span.NONE : where));
    return this;
  }

  /**
   * Whether {@code builtins.tryEval} may catch this error (only {@code throw} and failed {@code
   * assert}).
   */
  public boolean isCatchable() {
    return false;
  }

  public record TraceFrame(String message, Span span) {}
}
