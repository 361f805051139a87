package org.modsvc.switcher.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.modsvc.nix.error.ErrorPrinter;
import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.eval.DeepStack;
import org.modsvc.nix.eval.EvalState;
import org.modsvc.nix.lib.BundledSources;
import org.modsvc.nix.source.Source;
import org.modsvc.nix.store.MemoryStore;
import org.modsvc.nix.syntax.ParseException;
import org.modsvc.nix.value.Printer;

/**
 * The golden cases of the built-in service modules ({@code src/test/resources/services/NN-x.nix}),
 * run in-process on our bundled lib exactly as {@code check.sh} runs them through {@code
 * modsvc-agent eval --strict}: {@code run.nix} evaluates the case with {@code eval.nix} and the
 * stand-in {@code pkgs.nix}; an {@code .exp} is the exact printed value (with the trailing newline
 * {@code eval} prints), an {@code .err} a text the error output must contain (compared line by line
 * without indentation, as Nix indents multi-line messages under {@code error:}).
 *
 * <p>The cases are read from the source tree, not the class path: {@code run.nix} reaches {@code
 * eval.nix} by a path relative to {@code src/test/resources}, so only there do the modules under
 * test resolve.
 */
class ServiceCorpusTest {
  record Outcome(boolean passed, String detail) {}

  @TestFactory
  Stream<DynamicTest> serviceCases() throws IOException {
    return cases().stream()
        .map(
            nix ->
                DynamicTest.dynamicTest(
                    nix.getFileName().toString(),
                    () -> {
                      Outcome o = run(nix);
                      assertTrue(o.passed(), o.detail());
                    }));
  }

  @Test
  void corpus_everyCaseHasExactlyOneExpectation() throws IOException {
    List<Path> all;
    try (Stream<Path> s = Files.list(corpusDir())) {
      all =
          s.filter(p -> p.getFileName().toString().matches("[0-9].*\\.nix"))
              .sorted()
              .collect(Collectors.toList());
    }
    assertFalse(all.isEmpty(), "no service cases under " + corpusDir());
    for (Path nix : all) {
      boolean exp = Files.exists(sibling(nix, ".exp"));
      boolean err = Files.exists(sibling(nix, ".err"));
      assertTrue(exp ^ err, nix + ": needs exactly one of .exp / .err");
    }
  }

  @Test
  void run_failsTheCase_whenTheExpectedErrorDoesNotOccur(@org.junit.jupiter.api.io.TempDir Path tmp)
      throws IOException {
    Path nix = tmp.resolve("99-ok.nix");
    Files.writeString(nix, "{ direct = lib: pkgs: 1; }");
    Files.writeString(tmp.resolve("99-ok.err"), "some error");
    Outcome o = run(nix);
    assertFalse(o.passed(), "a case expecting an error must fail when the value evaluates");
  }

  /** One case, evaluated as {@code eval --strict --expr 'import run.nix { case = …; }'} would. */
  static Outcome run(Path nix) throws IOException {
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    String[] value = new String[1];
    String[] report = new String[1];
    DeepStack.call(
        () -> {
          MemoryStore store = new MemoryStore("/nix/store");
          EvalState state =
              org.modsvc.nix.Evaluation.builder()
                  .store(store)
                  .searchPath(List.of(BundledSources.LIB.register(store)))
                  .homeDir(Path.of("/fake-home"))
                  .experimentalFeatures(Set.of())
                  .diagnostics(new PrintStream(diagnostics, true, StandardCharsets.UTF_8))
                  .start()
                  .state();
          String expr =
              "import "
                  + corpusDir().resolve("run.nix")
                  + " { case = "
                  + nix.toAbsolutePath()
                  + "; }";
          try {
            value[0] =
                Printer.print(state.evalSource(Source.ofString("string", expr, corpusDir())), true)
                    + "\n";
          } catch (EvalException e) {
            report[0] = ErrorPrinter.render(e, false);
          } catch (ParseException e) {
            report[0] = ErrorPrinter.renderParse(e.getMessage(), e.span());
          } catch (StackOverflowError e) {
            report[0] = "error: stack overflow; max-call-depth exceeded";
          }
          return null;
        });
    Path exp = sibling(nix, ".exp");
    if (Files.exists(exp)) {
      String expected = Files.readString(exp, StandardCharsets.UTF_8);
      if (report[0] != null) return new Outcome(false, "unexpected error:\n" + report[0]);
      return new Outcome(
          expected.equals(value[0]), "expected:\n" + expected + "\ngot:\n" + value[0]);
    }
    String expected = Files.readString(sibling(nix, ".err"), StandardCharsets.UTF_8).strip();
    if (report[0] == null)
      return new Outcome(false, "expected an error containing: " + expected + "\ngot " + value[0]);
    // Like check.sh, which greps all of stderr: warnings printed before the error count too.
    String stderr = diagnostics.toString(StandardCharsets.UTF_8) + report[0];
    return new Outcome(
        unindent(stderr).contains(unindent(expected)),
        "expected the error output to contain:\n" + expected + "\ngot:\n" + stderr);
  }

  static String unindent(String s) {
    return s.lines().map(String::strip).collect(Collectors.joining("\n"));
  }

  static List<Path> cases() throws IOException {
    try (Stream<Path> s = Files.list(corpusDir())) {
      return s.filter(p -> p.getFileName().toString().matches("[0-9].*\\.nix"))
          .filter(p -> Files.exists(sibling(p, ".exp")) || Files.exists(sibling(p, ".err")))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  private static Path sibling(Path nix, String ext) {
    String f = nix.getFileName().toString();
    return nix.resolveSibling(f.substring(0, f.length() - ".nix".length()) + ext);
  }

  /** The cases in the source tree (surefire runs in the module directory). */
  static Path corpusDir() {
    Path src = Path.of("src/test/resources/services").toAbsolutePath();
    if (!Files.isRegularFile(src.resolve("run.nix"))) {
      throw new IllegalStateException(
          "run from the switcher module directory: " + src + "/run.nix not found");
    }
    return src;
  }
}
