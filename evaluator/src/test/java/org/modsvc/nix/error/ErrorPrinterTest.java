package org.modsvc.nix.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.modsvc.nix.source.Source;
import org.modsvc.nix.source.Span;

/** The report layout is Nix's, character for character (NixOS/nix's parse-fail tests compare it whole). */
class ErrorPrinterTest {
  private static final Source TWELVE_LINES =
      Source.ofString("«stdin»", "a\nb\nc\nd\ne\nf\ng\nh\ni\n  x = 1;\n  y = 2;\nz\n", Path.of("/"));

  private static Span at(int offset) { return new Span(TWELVE_LINES, offset, offset + 1); }

  @Test
  void parseError_listsLinesRightAlignedInSixColumns_andItsPositionTwoColumnsLeftOfATraces() {
    int x = TWELVE_LINES.text().indexOf('x');
    assertEquals("""
        error: attribute 'x' already defined at «stdin»:1:1
               at «stdin»:10:3:
                    9| i
                   10|   x = 1;
                     |   ^
                   11|   y = 2;
        """, ErrorPrinter.renderParse("attribute 'x' already defined at «stdin»:1:1", at(x)));
  }

  @Test
  void evalError_indentsAMultiLineMessage_andTracePositions() {
    EvalException e = new EvalException("first\nsecond", at(0));
    e.addTrace("while evaluating something", at(TWELVE_LINES.text().indexOf('y')));
    assertEquals("""
        error:
               … while evaluating something
                 at «stdin»:11:3:
                   10|   x = 1;
                   11|   y = 2;
                     |   ^
                   12| z

               error: first
               second
        """, ErrorPrinter.render(e, true));
  }
}
