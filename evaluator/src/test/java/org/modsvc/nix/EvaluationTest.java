package org.modsvc.nix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modsvc.nix.lib.BundledSources;
import org.modsvc.nix.source.SearchPathEntry;
import org.modsvc.nix.value.Printer;

/**
 * The front door: one place assembles an evaluation and reports its value, failure, warnings and
 * files read.
 */
class EvaluationTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private Evaluation.Builder builder() {
    return Evaluation.builder().diagnostics(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String print(Evaluation.Result<?> r) {
    return Printer.print((org.modsvc.nix.value.Value) r.value().orElseThrow(), true);
  }

  @Test
  void result_hasTheValue_theWarnings_andEveryFileReadOnDisk() throws Exception {
    Path data = Files.writeString(dir.resolve("data.txt"), "x");
    Path lib = Files.writeString(dir.resolve("lib.nix"), "{ v = builtins.readFile ./data.txt; }");
    Files.createDirectories(dir.resolve("listed"));
    Path main =
        Files.writeString(
            dir.resolve("main.nix"),
            "builtins.warn \"careful\" [ (import ./lib.nix).v (builtins.pathExists ./absent) "
                + "(builtins.attrNames (builtins.readDir ./listed)) ((import <modsvc-lib>).id 1) ]");
    Evaluation ev =
        builder()
            .bundled(Evaluation.BundledPlacement.AFTER_SEARCH_PATH, BundledSources.LIB)
            .start();
    // Deeply, inside the run: the files are read as the value is forced.
    Evaluation.Result<String> r = ev.run(e -> Printer.print(e.eval(readUnchecked(e, main)), true));
    assertTrue(r.ok(), r.toString());
    assertEquals("[ \"x\" false [ ] 1 ]", r.value().orElseThrow());
    assertEquals(List.of("careful"), r.warnings());
    assertEquals(
        Set.of(main, lib, data, dir.resolve("absent"), dir.resolve("listed")),
        Set.copyOf(r.filesRead()),
        "our lib is shipped, not read from the user's disk");
  }

  private static org.modsvc.nix.source.Source readUnchecked(Evaluation e, Path p) {
    try {
      return e.readFile(p);
    } catch (java.io.IOException x) {
      throw new java.io.UncheckedIOException(x);
    }
  }

  @Test
  void failures_areReportedByKind() {
    Evaluation.Result<Object> thrown = builder().start().run(e -> e.evalExpr("throw \"no\"", dir));
    assertEquals(Evaluation.FailureKind.EVAL, thrown.failure().orElseThrow().kind());
    assertTrue(thrown.failure().get().evalError().getMessage().contains("no"));
    Evaluation.Result<Object> syntax = builder().start().run(e -> e.evalExpr("{ x = ; }", dir));
    assertEquals(Evaluation.FailureKind.PARSE, syntax.failure().orElseThrow().kind());
    assertFalse(syntax.value().isPresent());
  }

  /**
   * The two placements of the bundled lib differ where a user can see it: {@code eval} answers it
   * after the search path (not listed in {@code nixPath}), the module configuration appends it to
   * the search path (listed).
   */
  @Test
  void bundledPlacement_decidesWhetherNixPathListsOurLib() {
    String expr = "map (e: e.prefix) builtins.nixPath";
    List<SearchPathEntry> user = List.of(new SearchPathEntry("u", dir.toString()));
    Evaluation after =
        builder()
            .searchPath(user)
            .bundled(Evaluation.BundledPlacement.AFTER_SEARCH_PATH, BundledSources.LIB)
            .start();
    Evaluation end =
        builder()
            .searchPath(user)
            .bundled(Evaluation.BundledPlacement.END_OF_SEARCH_PATH, BundledSources.LIB)
            .start();
    assertEquals("[ \"u\" ]", print(after.run(e -> e.evalExpr(expr, dir))));
    assertEquals("[ \"u\" \"modsvc-lib\" ]", print(end.run(e -> e.evalExpr(expr, dir))));
  }

  @Test
  void anOwnedCache_keepsOnlyWhatTheLastEvaluationUsed() throws Exception {
    Path a = Files.writeString(dir.resolve("a.nix"), "1");
    Path b = Files.writeString(dir.resolve("b.nix"), "2");
    EvaluatorCache cache = new EvaluatorCache();
    Evaluation first = builder().cache(cache).start();
    first.run(e -> List.of(e.evalFile(a), e.evalFile(b)));
    cache.keepOnlyUsedBy(first);
    assertEquals(2, cache.size());
    Evaluation second = builder().cache(cache).start();
    second.run(e -> e.evalFile(a));
    cache.keepOnlyUsedBy(second);
    assertEquals(1, cache.size(), "b.nix, no longer read, is forgotten");
  }
}
