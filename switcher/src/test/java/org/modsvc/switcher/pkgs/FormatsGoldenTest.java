package org.modsvc.switcher.pkgs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.modsvc.nix.value.NixString;
import org.modsvc.nix.value.Thunk;

/**
 * Each {@code formats/<format>/<case>.nix} of the test resources ({@code lib: { format; value; }})
 * generated with our {@code pkgs.formats} must give exactly the bytes of {@code <case>.expected},
 * which nixpkgs' generator (or the tool nixpkgs runs) wrote for the same value; formats/README.md
 * says how.
 */
class FormatsGoldenTest {
  private static final Path CASES = casesDir();

  private static Path casesDir() {
    try {
      return Path.of(FormatsGoldenTest.class.getResource("/formats/README.md").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyCaseGivesNixpkgsBytes() throws IOException {
    List<Path> cases;
    try (Stream<Path> s = Files.walk(CASES)) {
      cases = s.filter(p -> p.toString().endsWith(".nix")).sorted().toList();
    }
    assertFalse(cases.isEmpty(), "no cases under " + CASES);
    return cases.stream()
        .map(c -> DynamicTest.dynamicTest(CASES.relativize(c).toString(), () -> check(c)));
  }

  private static void check(Path caseFile) throws IOException {
    Path expectedFile = Path.of(caseFile.toString().replaceAll("\\.nix$", ".expected"));
    assertTrue(Files.exists(expectedFile), "missing " + expectedFile);
    PkgsFixture f = PkgsFixture.withModsvcLib(List.of());
    String path =
        ((NixString)
                Thunk.force(
                    f.value(
                        "let c = import "
                            + caseFile
                            + " lib; v = if builtins.isFunction c.value then c.value pkgs.formats else c.value;"
                            + " in \"${(c.format pkgs.formats).generate \"out\" v}\"")))
            .value();
    String actual = f.store.textContent(path).orElseThrow();
    assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8), actual);
  }
}
