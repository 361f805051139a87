package org.modsvc.switcher.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.modsvc.nix.error.ErrorPrinter;
import org.modsvc.nix.error.ErrorView;
import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.source.Span;
import org.modsvc.switcher.build.BuildException;

/**
 * The user's modules failed to evaluate. The message is the report as text (without the leading
 * {@code error:}, which the command prints); {@link #toData()} is the same report for {@code
 * --json}.
 */
public final class EvaluationFailure extends BuildException {
  private static final long serialVersionUID = 1L;
  private final transient ErrorView view;
  private final transient SourceNames names;

  EvaluationFailure(ErrorView view, SourceNames names) {
    super(withoutPrefix(names.readable(ErrorPrinter.render(view))));
    this.view = view;
    this.names = names;
  }

  /**
   * {@code message}, the error's {@code file}/{@code line}/{@code column} when known, and its
   * {@code trace}.
   */
  public Map<String, Object> toData() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("message", names.readable(view.message()).stripTrailing());
    putPosition(m, view.position());
    List<Object> trace = new ArrayList<>();
    for (EvalException.TraceFrame f : view.frames()) {
      Map<String, Object> frame = new LinkedHashMap<>();
      frame.put("message", names.readable(f.message()));
      putPosition(frame, f.span());
      trace.add(frame);
    }
    m.put("trace", trace);
    m.put("framesLeftOut", view.leftOut());
    return m;
  }

  private void putPosition(Map<String, Object> m, Span span) {
    if (!span.isKnown()) return;
    m.put("file", names.readable(span.source().name()));
    m.put("line", span.line());
    m.put("column", span.column());
  }

  /** The command prints "error: " itself; a report with a trace starts with a line of its own. */
  private static String withoutPrefix(String report) {
    String r = report.stripTrailing();
    if (r.startsWith("error: ")) return r.substring("error: ".length());
    return r.startsWith("error:") ? r.substring("error:".length()) : r;
  }
}
