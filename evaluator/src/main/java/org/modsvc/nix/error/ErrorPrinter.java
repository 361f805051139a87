package org.modsvc.nix.error;

import java.util.List;
import org.modsvc.nix.source.Source;
import org.modsvc.nix.source.Span;

/** Renders an {@link EvalException} like Nix 2.18+: the trace outermost first, then {@code error: message}. */
public final class ErrorPrinter {
  private ErrorPrinter() {}

  public static String render(EvalException e, boolean showTrace) {
    StringBuilder sb = new StringBuilder("error:\n");
    List<EvalException.TraceFrame> frames = e.trace();
    int shown = 0;
    for (int i = frames.size() - 1; i >= 0; i--) {
      EvalException.TraceFrame f = frames.get(i);
      if (!showTrace && shown >= 8 && i > 2) continue;
      shown++;
      sb.append("       … ").append(f.message()).append('\n');
      appendPosition(sb, f.span());
      sb.append('\n');
    }
    if (e.span().isKnown() && frames.isEmpty()) {
      appendPosition(sb, e.span());
      sb.append('\n');
    }
    sb.append("       error: ").append(indent(e.getMessage())).append('\n');
    return sb.toString();
  }

  /** A syntax error as Nix prints one: the message, then its position two columns left of where a trace's goes. */
  public static String renderParse(String message, Span span) {
    StringBuilder sb = new StringBuilder("error: ").append(indent(message)).append('\n');
    appendPosition(sb, span, "       at ");
    return sb.toString();
  }

  private static String indent(String msg) {
    return msg == null ? "" : msg.replace("\n", "\n       ");
  }

  static void appendPosition(StringBuilder sb, Span span) { appendPosition(sb, span, "         at "); }

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
      if (l == line) sb.append(" ".repeat(13)).append("| ").append(" ".repeat(Math.max(0, col - 1))).append("^\n");
    }
  }
}
