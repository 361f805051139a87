package org.modsvc.nix.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.modsvc.nix.Corpora;
import org.modsvc.nix.source.Source;

/**
 * Runs the parser over Nix's own language test corpus ({@link Corpora}; skipped without it):
 * parse-okay files must parse and print like their .exp, parse-fail files must be rejected, and
 * every eval-okay file must parse.
 */
class ParserCorpusTest {
  /**
   * Checked before the factories: Surefire counts a class whose set-up assumption fails as skipped,
   * but a factory that aborts as neither run nor skipped ("Tests run: 0").
   */
  @BeforeAll
  static void corpusPresent() {
    Corpora.nixLang();
  }

  private static List<Path> files(String prefix) throws IOException {
    try (Stream<Path> s = Files.list(Corpora.nixLang())) {
      return s.filter(
              p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".nix"))
          .sorted()
          .toList();
    }
  }

  private static Source source(Path file) throws IOException {
    return Source.ofFile(file, Files.readString(file, StandardCharsets.UTF_8));
  }

  @TestFactory
  Stream<DynamicTest> parseOkay_parsesAndPrintsAsExpected() throws IOException {
    return files("parse-okay-").stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f.getFileName().toString(),
                    () -> {
                      Expr e = Parser.parse(source(f), Path.of("/home/test"));
                      Path exp = Path.of(f.toString().replaceAll("\\.nix$", ".exp"));
                      if (Files.exists(exp))
                        assertEquals(Files.readString(exp).strip(), NixShow.show(e));
                    }));
  }

  @TestFactory
  Stream<DynamicTest> parseFail_isRejected() throws IOException {
    return files("parse-fail-").stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f.getFileName().toString(),
                    () -> {
                      ParseException ex =
                          assertThrows(
                              ParseException.class,
                              () -> Parser.parse(source(f), Path.of("/home/test")));
                      Path exp = Path.of(f.toString().replaceAll("\\.nix$", ".err.exp"));
                      if (Files.exists(exp)) {
                        // Compare the error message and its line:column with Nix's.
                        List<String> lines = Files.readAllLines(exp);
                        String expectedMsg =
                            lines
                                .get(0)
                                .replaceFirst("^error: ", "")
                                .replaceAll("«stdin»", f.toString());
                        String at =
                            lines
                                .get(1)
                                .trim()
                                .replaceFirst("^at «stdin»:", "")
                                .replaceFirst(":$", "");
                        String actualAt = ex.span().line() + ":" + ex.span().column();
                        assertEquals(expectedMsg + " @ " + at, ex.getMessage() + " @ " + actualAt);
                      }
                    }));
  }

  @TestFactory
  Stream<DynamicTest> evalOkay_parses() throws IOException {
    return files("eval-okay-").stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f.getFileName().toString(),
                    () -> Parser.parse(source(f), Path.of("/home/test"))));
  }
}
