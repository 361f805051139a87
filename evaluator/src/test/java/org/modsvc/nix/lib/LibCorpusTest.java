package org.modsvc.nix.lib;

import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * Golden cases for our {@code lib} in {@code src/test/resources/libtests/<area>/}: each {@code
 * X.nix} (which imports {@code <modsvc-lib>}) comes with {@code X.exp}, the exact deeply printed
 * value, or {@code X.err}, a text the error report must contain (line by line, ignoring
 * indentation). Expectations are nixpkgs lib's own answers wherever they could be obtained from it,
 * so a difference is a bug in ours.
 */
class LibCorpusTest {
  record Outcome(boolean passed, String detail) {}

  @TestFactory
  Stream<DynamicTest> libCases() throws IOException {
    return cases().stream()
        .map(
            nix ->
                DynamicTest.dynamicTest(
                    corpusDir().relativize(nix).toString(),
                    () -> {
                      Outcome o = run(nix, true);
                      assertTrue(o.passed(), o.detail());
                    }));
  }

  /**
   * The same cases on the Nix reference definitions of the lib's primitives (primitives.nix): both
   * must agree.
   */
  @TestFactory
  Stream<DynamicTest> libCases_onNixReferencePrimitives() throws IOException {
    return cases().stream()
        .map(
            nix ->
                DynamicTest.dynamicTest(
                    corpusDir().relativize(nix).toString(),
                    () -> {
                      Outcome o = run(nix, false);
                      assertTrue(o.passed(), o.detail());
                    }));
  }

  @Test
  void corpus_everyCaseHasOneExpectation() throws IOException {
    List<Path> all = cases();
    assertFalse(all.isEmpty(), "no lib cases found under " + corpusDir());
    for (Path nix : all) {
      boolean exp = Files.exists(sibling(nix, ".exp"));
      boolean err = Files.exists(sibling(nix, ".err"));
      assertTrue(exp ^ err, nix + ": needs exactly one of .exp / .err");
    }
  }

  static Outcome run(Path nix, boolean nativePrimitives) throws IOException {
    MemoryStore store = new MemoryStore("/nix/store");
    EvalState state =
        org.modsvc.nix.Evaluation.builder()
            .store(store)
            .searchPath(List.of(BundledSources.LIB.register(store)))
            .homeDir(Path.of("/fake-home"))
            .experimentalFeatures(Set.of())
            .diagnostics(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
            .start()
            .state();
    state.setLibPrimitives(nativePrimitives);
    Source src = Source.ofFile(nix, Files.readString(nix, StandardCharsets.UTF_8));
    Path exp = sibling(nix, ".exp");
    String value = null;
    String report = null;
    try {
      value = Printer.print(state.evalSource(src), true);
    } catch (EvalException e) {
      report = ErrorPrinter.render(e, false);
    } catch (ParseException e) {
      report = ErrorPrinter.renderParse(e.getMessage(), e.span());
    }
    if (Files.exists(exp)) {
      String expected = Files.readString(exp, StandardCharsets.UTF_8).stripTrailing();
      if (report != null) return new Outcome(false, "unexpected error:\n" + report);
      return new Outcome(expected.equals(value), "expected: " + expected + "\n     got: " + value);
    }
    String expected = Files.readString(sibling(nix, ".err"), StandardCharsets.UTF_8).strip();
    if (report == null)
      return new Outcome(
          false, "expected an error containing: " + expected + "\ngot value " + value);
    // Multi-line messages are printed indented under "error:", as Nix does: compare line by line,
    // unindented.
    return new Outcome(
        unindent(report).contains(unindent(expected)),
        "expected the error to contain:\n" + expected + "\ngot:\n" + report);
  }

  static String unindent(String s) {
    return s.lines().map(String::strip).collect(Collectors.joining("\n"));
  }

  static List<Path> cases() throws IOException {
    try (Stream<Path> s = Files.walk(corpusDir())) {
      return s.filter(p -> p.toString().endsWith(".nix") && hasExpectation(p))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  /** Helper files a case imports (no expectation beside them) are not cases. */
  private static boolean hasExpectation(Path nix) {
    return Files.exists(sibling(nix, ".exp")) || Files.exists(sibling(nix, ".err"));
  }

  private static Path sibling(Path nix, String ext) {
    String f = nix.getFileName().toString();
    return nix.resolveSibling(f.substring(0, f.length() - ".nix".length()) + ext);
  }

  /**
   * The source folder when run from the module directory, so edits need no rebuild; else the
   * classpath copy.
   */
  static Path corpusDir() {
    Path src = Path.of("src/test/resources/libtests");
    if (Files.isDirectory(src)) return src.toAbsolutePath();
    try {
      return Path.of(LibCorpusTest.class.getResource("/libtests").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
