package org.modsvc.nix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.modsvc.nix.error.ErrorPrinter;
import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.eval.EvalState;
import org.modsvc.nix.source.Source;
import org.modsvc.nix.store.MemoryStore;
import org.modsvc.nix.syntax.ParseException;
import org.modsvc.nix.value.Printer;

/**
 * Golden-file tests over our own language cases in {@code src/test/resources/lang/} (written for
 * this project, expectations taken from {@code nix-instantiate --eval --strict}, newer Nix wording
 * preferred):
 *
 * <ul>
 *   <li>{@code eval-okay-X.nix}: printing the value deeply must give {@code eval-okay-X.exp}
 *       exactly;
 *   <li>{@code eval-fail-X.nix}: evaluation must fail, and the last {@code error:} line of the
 *       report must be {@code eval-fail-X.err}.
 * </ul>
 *
 * Cases in {@code lang/notyetpassing/} document known gaps: they are asserted to still fail, so
 * that fixing one makes this test fail until the case is moved up to {@code lang/} (as tvix does).
 */
class LangCorpusTest {
  private static final Pattern ERROR_LINE = Pattern.compile("(?m)^\\s*error: *(.*\\S.*)$");

  /** Whether a case passed, and what it produced (for the failure message). */
  record Outcome(boolean passed, String detail) {}

  @TestFactory
  Stream<DynamicTest> passingCases() throws IOException {
    return cases(langDir())
        .map(
            nix ->
                DynamicTest.dynamicTest(
                    caseName(nix),
                    () -> {
                      Outcome o = run(nix);
                      assertTrue(o.passed(), o.detail());
                    }));
  }

  @TestFactory
  Stream<DynamicTest> notYetPassingCasesStillFail() throws IOException {
    Path dir = langDir().resolve("notyetpassing");
    if (!Files.isDirectory(dir)) return Stream.empty();
    return cases(dir)
        .map(
            nix ->
                DynamicTest.dynamicTest(
                    caseName(nix),
                    () -> {
                      Outcome o = run(nix);
                      assertTrue(
                          !o.passed(),
                          "now passes: move "
                              + nix.getFileName()
                              + " (and its expectation) up to lang/");
                    }));
  }

  @Test
  void corpus_hasOkayAndFailCasesWithExpectations() throws IOException {
    List<Path> all = cases(langDir()).collect(Collectors.toList());
    assertTrue(
        all.stream().anyMatch(p -> caseName(p).startsWith("eval-okay-")),
        "no eval-okay cases found");
    assertTrue(
        all.stream().anyMatch(p -> caseName(p).startsWith("eval-fail-")),
        "no eval-fail cases found");
    for (Path nix : all) {
      assertTrue(Files.exists(expectationOf(nix)), "missing expectation for " + nix.getFileName());
    }
  }

  @Test
  void lastErrorMessage_skipsBareHeaderAndTakesInnermost() {
    String report = "error:\n       … while calling 'f'\n\n       error: inner problem\n";
    assertEquals("inner problem", lastErrorMessage(report));
    assertEquals("outer only", lastErrorMessage("error: outer only\n"));
  }

  // ---------------------------------------------------------------- running one case

  static Outcome run(Path nix) throws IOException {
    String name = caseName(nix);
    String expected = Files.readString(expectationOf(nix), StandardCharsets.UTF_8);
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    EvalState state =
        org.modsvc.nix.Evaluation.builder()
            .store(new MemoryStore("/nix/store"))
            .searchPath(List.of())
            .homeDir(Path.of("/fake-home"))
            .experimentalFeatures(Set.of())
            .diagnostics(new PrintStream(warnings, true, StandardCharsets.UTF_8))
            .start()
            .state();
    Source src = Source.ofFile(nix, Files.readString(nix, StandardCharsets.UTF_8));
    if (name.startsWith("eval-okay-")) {
      String got;
      try {
        got = Printer.print(state.evalSource(src), true);
      } catch (EvalException e) {
        return new Outcome(false, "unexpected error:\n" + ErrorPrinter.render(e, false));
      } catch (ParseException e) {
        return new Outcome(
            false,
            "unexpected parse error:\n" + ErrorPrinter.renderParse(e.getMessage(), e.span()));
      }
      String exp = expected.stripTrailing();
      return new Outcome(got.equals(exp), "expected: " + exp + "\n     got: " + got);
    }
    String report;
    try {
      String value = Printer.print(state.evalSource(src), true);
      return new Outcome(false, "expected an error, got value " + value);
    } catch (EvalException e) {
      report = ErrorPrinter.render(e, false);
    } catch (ParseException e) {
      report = ErrorPrinter.renderParse(e.getMessage(), e.span());
    }
    String exp = expected.strip();
    String got = lastErrorMessage(report);
    return new Outcome(exp.equals(got), "expected error: " + exp + "\n     got report:\n" + report);
  }

  /**
   * What follows the last {@code error:} on its own line (a bare {@code error:} header is skipped).
   */
  static String lastErrorMessage(String report) {
    Matcher m = ERROR_LINE.matcher(report);
    String last = null;
    while (m.find()) last = m.group(1).strip();
    return last;
  }

  // ---------------------------------------------------------------- corpus layout

  /**
   * The source folder when run from the module directory (as Maven does), so that a case moved
   * between folders is never shadowed by a stale copy left in {@code target/test-classes}; else the
   * classpath copy.
   */
  static Path langDir() {
    Path src = Path.of("src/test/resources/lang");
    if (Files.isDirectory(src)) return src.toAbsolutePath();
    try {
      return Path.of(LangCorpusTest.class.getResource("/lang").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<Path> cases(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> l =
          s.filter(
                  p -> {
                    String f = p.getFileName().toString();
                    return f.endsWith(".nix")
                        && (f.startsWith("eval-okay-") || f.startsWith("eval-fail-"));
                  })
              .sorted()
              .collect(Collectors.toList());
      return l.stream();
    }
  }

  static String caseName(Path nix) {
    String f = nix.getFileName().toString();
    return f.substring(0, f.length() - ".nix".length());
  }

  static Path expectationOf(Path nix) {
    String name = caseName(nix);
    return nix.resolveSibling(name + (name.startsWith("eval-okay-") ? ".exp" : ".err"));
  }
}
