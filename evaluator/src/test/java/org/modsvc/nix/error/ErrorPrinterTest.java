package org.modsvc.nix.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.modsvc.nix.source.Source;
import org.modsvc.nix.source.Span;

/**
 * The report layout is Nix's, character for character (NixOS/nix's parse-fail tests compare it
 * whole).
 */
class ErrorPrinterTest {
  private static final Source TWELVE_LINES =
      Source.ofString(
          "«stdin»", "a\nb\nc\nd\ne\nf\ng\nh\ni\n  x = 1;\n  y = 2;\nz\n", Path.of("/"));

  private static Span at(int offset) {
    return new Span(TWELVE_LINES, offset, offset + 1);
  }

  @Test
  void parseError_listsLinesRightAlignedInSixColumns_andItsPositionTwoColumnsLeftOfATraces() {
    int x = TWELVE_LINES.text().indexOf('x');
    assertEquals(
        """
        error: attribute 'x' already defined at «stdin»:1:1
               at «stdin»:10:3:
                    9| i
                   10|   x = 1;
                     |   ^
                   11|   y = 2;
        """,
        ErrorPrinter.renderParse("attribute 'x' already defined at «stdin»:1:1", at(x)));
  }

  @Test
  void evalError_indentsAMultiLineMessage_andTracePositions() {
    EvalException e = new EvalException("first\nsecond", at(0));
    e.addTrace("while evaluating something", at(TWELVE_LINES.text().indexOf('y')));
    assertEquals(
        """
        error:
               … while evaluating something
                 at «stdin»:11:3:
                   10|   x = 1;
                   11|   y = 2;
                     |   ^
                   12| z

               error: first
               second
               at «stdin»:1:1:
                    1| a
                     | ^
                    2| b
        """,
        ErrorPrinter.render(e, true));
  }

  @Test
  void evalError_doesNotRepeatThePositionOfTheInnermostFrame_asNixGivesABuiltinsErrorNone() {
    int y = TWELVE_LINES.text().indexOf('y');
    EvalException e = new EvalException("expected a list but found a string", at(y));
    e.addTrace("while evaluating the second argument passed to builtins.map", null);
    e.addTrace("while calling the 'map' builtin", at(y));
    assertEquals(
        """
        error:
               … while calling the 'map' builtin
                 at «stdin»:11:3:
                   10|   x = 1;
                   11|   y = 2;
                     |   ^
                   12| z

               … while evaluating the second argument passed to builtins.map

               error: expected a list but found a string
        """,
        ErrorPrinter.render(e, true));
  }

  @Test
  void focusedView_showsOnlyTheReadersFrames_andSaysHowManyAreLeftOut() {
    Source lib = Source.ofString("«lib»", "throw x\n", Path.of("/"));
    Source own = Source.ofFile(Path.of("/m/a.nix"), "{ a = 1; }\n");
    EvalException e = new EvalException("boom", new Span(own, 2, 3));
    e.addTrace("while calling 'f'", new Span(lib, 0, 1));
    e.addTrace("while evaluating definitions from `/m/a.nix':", null);
    e.addTrace("while evaluating definitions from `«lib»':", null);
    e.addTrace("from call site", new Span(lib, 6, 7));
    e.addTrace("from call site", new Span(lib, 6, 7));
    ErrorView view = ErrorView.of(e, s -> s == own, context -> !context.contains("«lib»"));
    assertEquals(
        """
        error:
               … while evaluating definitions from `/m/a.nix':

               (4 frames in library files left out; use '--show-trace' to see them)

               error: boom
               at /m/a.nix:1:3:
                    1| { a = 1; }
                     |   ^
                    2|
        """,
        ErrorPrinter.render(view));
  }
}
