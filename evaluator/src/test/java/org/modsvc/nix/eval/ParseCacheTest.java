package org.modsvc.nix.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modsvc.nix.source.Source;
import org.modsvc.nix.syntax.Expr;
import org.modsvc.nix.syntax.ParseException;

/**
 * Parsing ahead of imports: the guess is used when right and never changes what an evaluation sees.
 */
class ParseCacheTest {
  @TempDir Path dir;
  private final Path home = Path.of("/home/test");

  /** Each test its own cache: what another test (or evaluation) parsed cannot leak in. */
  private final ParseCache cache = new ParseCache();

  private Expr parse(Path file) throws Exception {
    return cache.parse(Source.ofFile(file, Files.readString(file)), home, Path::of).tree();
  }

  /** The tree known for {@code file} once the background thread has nothing left to parse. */
  private Expr awaitKnown(Path file) throws InterruptedException {
    cache.awaitParsingAhead();
    return cache.known(file.toString(), home);
  }

  @Test
  void filesNamedByPathLiterals_areParsedAhead_andTheirTreeIsTheOneImportUses() throws Exception {
    assumeTrue(cache.parsesAhead(), "one core: nothing is parsed ahead");
    Files.writeString(dir.resolve("b.nix"), "{ x = 1; }");
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/default.nix"), "{ y = ../c.nix; }");
    Files.writeString(dir.resolve("c.nix"), "3");
    Files.writeString(dir.resolve("data.txt"), "not nix");
    Files.writeString(dir.resolve("main.nix"), "[ (import ./b.nix) (import ./sub) ./data.txt ]");

    parse(dir.resolve("main.nix"));

    Expr b = awaitKnown(dir.resolve("b.nix"));
    assertNotNull(b, "b.nix parsed ahead");
    assertSame(b, parse(dir.resolve("b.nix")));
    assertNotNull(
        awaitKnown(dir.resolve("sub/default.nix")), "a directory's default.nix parsed ahead");
    assertNotNull(
        awaitKnown(dir.resolve("c.nix")), "literals of files parsed ahead are followed too");
    assertNull(cache.known(dir.resolve("data.txt").toString(), home), "only Nix files are parsed");
  }

  private EvalState state(String storeDir) {
    EvalState st =
        org.modsvc.nix.Evaluation.builder()
            .store(new org.modsvc.nix.store.MemoryStore(storeDir))
            .searchPath(java.util.List.of())
            .homeDir(Path.of("/tmp"))
            .experimentalFeatures(java.util.Set.of())
            .diagnostics(System.err)
            .start()
            .state();
    st.setParseCache(cache);
    return st;
  }

  private static String forced(EvalState st, org.modsvc.nix.value.Value v) {
    return ((org.modsvc.nix.value.NixString) org.modsvc.nix.value.Thunk.force(v)).value();
  }

  @Test
  void evaluationsShareCompiledCode_eachWithItsOwnState() throws Exception {
    Path data = Files.writeString(dir.resolve("data.txt"), "x");
    Path f = Files.writeString(dir.resolve("copies.nix"), "{ p = \"${./data.txt}\"; }");
    EvalState a = state("/store-a");
    EvalState b = state("/store-b");
    org.modsvc.nix.value.NixAttrs fromA =
        (org.modsvc.nix.value.NixAttrs) org.modsvc.nix.value.Thunk.force(a.evalFile(f));
    org.modsvc.nix.value.NixAttrs fromB =
        (org.modsvc.nix.value.NixAttrs) org.modsvc.nix.value.Thunk.force(b.evalFile(f));
    // B is done before A's attribute is forced: A's code must still copy into A's store.
    assertTrue(forced(b, fromB.get("p")).startsWith("/store-b/"), forced(b, fromB.get("p")));
    assertTrue(forced(a, fromA.get("p")).startsWith("/store-a/"), forced(a, fromA.get("p")));
    assertEquals(
        1,
        cache
            .parse(Source.ofFile(f, Files.readString(f)), Path.of("/tmp"), Path::of)
            .compiled()
            .size(),
        "one compiled tree for both evaluations");
    assertTrue(data.toFile().exists());
  }

  @Test
  void aFileEditedAfterItWasParsed_isParsedAgain() throws Exception {
    Path f = dir.resolve("edited.nix");
    Files.writeString(f, "1");
    Expr first = parse(f);
    Files.writeString(f, "2");
    Expr second = parse(f);
    assertNotSame(first, second);
    assertEquals("2", ((Expr.Int) second).value() + "");
  }

  @Test
  void aSyntaxErrorInAFileParsedAhead_isReportedByTheParseThatNeedsIt() throws Exception {
    Files.writeString(dir.resolve("broken.nix"), "{ x = ; }");
    Files.writeString(dir.resolve("uses-broken.nix"), "import ./broken.nix");
    parse(dir.resolve("uses-broken.nix"));
    cache.awaitParsingAhead(); // the background parse has failed by now
    ParseException e = assertThrows(ParseException.class, () -> parse(dir.resolve("broken.nix")));
    assertTrue(e.getMessage().contains("syntax error"), e.getMessage());
  }

  @Test
  void retainOnly_forgetsTheFilesNotNamed_andKeepsTheOthers() throws Exception {
    Path kept = Files.writeString(dir.resolve("kept.nix"), "1");
    Path dropped = Files.writeString(dir.resolve("dropped.nix"), "2");
    Expr tree = parse(kept);
    parse(dropped);
    cache.retainOnly(java.util.Set.of(kept.toString()));
    assertSame(tree, cache.known(kept.toString(), home));
    assertNull(cache.known(dropped.toString(), home));
  }
}
