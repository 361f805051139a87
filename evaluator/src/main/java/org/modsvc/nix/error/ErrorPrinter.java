package org.modsvc.nix.error;

import java.util.ArrayList;
import java.util.List;
import org.modsvc.nix.source.Source;
import org.modsvc.nix.source.Span;

/**
 * Renders an {@link EvalException} like Nix 2.18+: the trace outermost first, then {@code error:
 * message}.
 */
public final class ErrorPrinter {
  private ErrorPrinter() {}

  /**
   * The report {@code nix-instantiate} prints; without {@code showTrace}, a long trace keeps its
   * ends.
   */
  public static String render(EvalException e, boolean showTrace) {
    List<EvalException.TraceFrame> frames = e.trace();
    List<EvalException.TraceFrame> shown = new ArrayList<>();
    for (int i = frames.size() - 1; i >= 0; i--) {
      if (showTrace || shown.size() < 8 || i <= 2) shown.add(frames.get(i));
    }
    return render(new ErrorView(e.getMessage(), e.span(), shown, 0));
  }

  /**
   * A report of what {@code view} shows, in Nix's layout, with a note of how many frames it leaves
   * out and how to see them.
   */
  public static String render(ErrorView view) {
    if (view.frames().isEmpty() && view.leftOut() == 0)
      return renderParse(view.message(), view.position());
    StringBuilder sb = new StringBuilder("error:\n");
    for (EvalException.TraceFrame f : view.frames()) {
      sb.append("       … ").append(f.message()).append('\n');
      appendPosition(sb, f.span());
      sb.append('\n');
    }
    if (view.leftOut() > 0) {
      sb.append("       (")
          .append(view.leftOut())
          .append(view.leftOut() == 1 ? " frame" : " frames")
          .append(" in library files left out; use '--show-trace' to see them)\n\n");
    }
    // As Nix: the error's own position follows its message, aligned with it. Nix gives a position
    // to the errors
    // that happen in an expression, not to those of a builtin, which the builtin's frame already
    // places: ours
    // all have one, and one where the innermost frame is adds nothing.
    sb.append("       error: ").append(indent(view.message())).append('\n');
    if (!isAtInnermostFrame(view)) appendPosition(sb, view.position(), "       at ");
    return sb.toString();
  }

  private static boolean isAtInnermostFrame(ErrorView view) {
    for (int i = view.frames().size() - 1; i >= 0; i--) {
      Span frame = view.frames().get(i).span();
      if (frame.isKnown())
        return frame.source() == view.position().source()
            && frame.start() == view.position().start();
    }
    return false;
  }

  /**
   * An error without a trace (a syntax error, or an evaluation error raised at the top) as Nix
   * prints one: the message, then its position two columns left of where a trace's goes.
   */
  public static String renderParse(String message, Span span) {
    StringBuilder sb = new StringBuilder("error: ").append(indent(message)).append('\n');
    appendPosition(sb, span, "       at ");
    return sb.toString();
  }

  private static String indent(String msg) {
    return msg == null ? "" : msg.replace("\n", "\n       ");
  }

  static void appendPosition(StringBuilder sb, Span span) {
    appendPosition(sb, span, "         at ");
  }

  private static void appendPosition(StringBuilder sb, Span span, String at) {
    if (span == null || !span.isKnown()) {
      return;
    }
    Source src = span.source();
    int line = span.line();
    int col = span.column();
    sb.append(at).append(src.name()).append(':').append(line).append(':').append(col).append(":\n");
    // Nix's layout: seven spaces, the line number right-aligned in six columns, then "| ".
    for (int l = Math.max(1, line - 1); l <= line + 1; l++) {
      String text = src.lineText(l);
      if (l > line && text.isBlank() && l > src.line(src.text().length())) break;
      String num = Integer.toString(l);
      sb.append(" ".repeat(Math.max(0, 13 - num.length()))).append(num).append('|');
      if (!text.isEmpty()) sb.append(' ').append(text);
      sb.append('\n');
      if (l == line)
        sb.append(" ".repeat(13))
            .append("| ")
            .append(" ".repeat(Math.max(0, col - 1)))
            .append("^\n");
    }
  }
}
