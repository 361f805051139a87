package org.modsvc.nix.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modsvc.nix.Corpora;

class StorePathsTest {
  private static final StorePaths STORE = StorePaths.DEFAULT;
  private static final String FILE_TXT = "/nix/store/qjqcrhqkjmdgv3yqcgcd9fa7qi234hga-file.txt";

  @TempDir Path tmp;

  @Test
  void makeTextPath_matchesToFile_withoutReferences() {
    assertEquals(
        "/nix/store/pmif2b12nn699asgyhdxsbar2hi735fl-x", STORE.makeTextPath("x", "hi", Set.of()));
  }

  @Test
  void makeTextPath_matchesToFile_withReference() {
    String x = "/nix/store/pmif2b12nn699asgyhdxsbar2hi735fl-x";
    assertEquals(
        "/nix/store/j4cbzx4bkvig837gb7fxj6glwcjd9pr4-foo.sh",
        STORE.makeTextPath("foo.sh", "echo " + x, Set.of(x)));
  }

  @Test
  void makeTextPath_sortsReferences() {
    String y = STORE.makeTextPath("y", "1", Set.of());
    String content = y + " " + FILE_TXT;
    String expected = "/nix/store/j7j5hyw3jqvvfgm57p4250bppsl3h1wm-x";
    assertEquals(expected, STORE.makeTextPath("x", content, List.of(y, FILE_TXT)));
    assertEquals(expected, STORE.makeTextPath("x", content, List.of(FILE_TXT, y)));
  }

  @Test
  void makeTextPath_dependsOnStoreDir() {
    assertEquals(
        "/tmp/xstore/4g659y2k8bvs4xikw0lb3q27hmidljs6-x",
        new StorePaths("/tmp/xstore").makeTextPath("x", "hi", Set.of()));
  }

  @Test
  void makeSourcePath_matchesInterpolatedFile() throws Exception {
    assertEquals(FILE_TXT, STORE.makeSourcePath(TestTrees.helloFile(tmp)));
  }

  @Test
  void makeSourcePath_matchesInterpolatedDirectory() throws Exception {
    assertEquals(
        "/nix/store/n8mrikmc9fm4di60bjl3wp85jqa11pcg-dir",
        STORE.makeSourcePath(TestTrees.dir(tmp)));
  }

  @Test
  void computeSourcePath_usesGivenName_likeBuiltinsPath() throws Exception {
    StorePaths.SourcePath p =
        STORE.computeSourcePath("d", TestTrees.dir(tmp), ContentAddressMethod.NAR, null);
    assertEquals("/nix/store/5lcbvyacpx216ww06672nylq390dkwdf-d", p.storePath());
    assertEquals("159x5k56vw50avz0pr0sp4v8lydk4w2pzfvzsipy6cqpa802icdd", p.hash().toNix32());
  }

  @Test
  void computeSourcePath_appliesFilter() throws Exception {
    Nar.PathFilter filter =
        (path, type) -> !type.equals("symlink") && !path.getFileName().toString().equals("sub");
    assertEquals(
        "/nix/store/zhayrgm8yklw839n9n4isjyzbq6j6dsk-d",
        STORE
            .computeSourcePath("d", TestTrees.dir(tmp), ContentAddressMethod.NAR, filter)
            .storePath());
  }

  @Test
  void computeSourcePath_filtersLikeFilterSource() throws Exception {
    assertEquals(
        "/nix/store/7w9i7rfjf8wczdp2i869vx8riy39jvxs-dir",
        STORE
            .computeSourcePath(
                "dir", TestTrees.dir(tmp), ContentAddressMethod.NAR, (p, t) -> t.equals("regular"))
            .storePath());
  }

  @Test
  void computeSourcePath_hashesFlat_whenNotRecursive() throws Exception {
    assertEquals(
        "/nix/store/1p9q0bz6f22dyxh4lw8xs08p4201vyq4-f",
        STORE
            .computeSourcePath("f", TestTrees.helloFile(tmp), ContentAddressMethod.FLAT, null)
            .storePath());
  }

  @Test
  void makeFixedOutputPath_matchesEvalOkayPathExpectations() {
    // eval-okay-path.nix: builtins.path with sha256, recursive and flat.
    assertEquals(
        "/nix/store/ya937r4ydw0l6kayq8jkyqaips9c75jm-output",
        STORE.makeFixedOutputPath(
            "output",
            true,
            sha256("1yhm3gwvg5a41yylymgblsclk95fs6jy72w0wv925mmidlhcq4sw"),
            Set.of()));
    assertEquals(
        "/nix/store/m7y372g6jb0g4hh1dzmj847rd356fhnz-output",
        STORE.makeFixedOutputPath(
            "output",
            false,
            sha256("0k4lwj58f2w5yh92ilrwy9917pycipbrdrr13vbb3yd02j09vfxm"),
            Set.of()));
    assertEquals(
        "/nix/store/a517xfygy9w2q5i3c2dbm50sw4p70b4c-output",
        STORE.makeFixedOutputPath(
            "output",
            true,
            sha256("02vlkcjkl1rvy081n6d40qi73biv2w4b9x9biklay4ncgk77zr1f"),
            Set.of()));
  }

  @Test
  void narHash_matchesCorpusExpectations_whenCorpusPresent() throws Exception {
    Path corpus = Corpora.nixLang();
    assertEquals(
        "02vlkcjkl1rvy081n6d40qi73biv2w4b9x9biklay4ncgk77zr1f",
        Nar.hash(corpus.resolve("dir1"), HashAlgo.SHA256, null).toNix32());
    assertEquals(
        "0k4lwj58f2w5yh92ilrwy9917pycipbrdrr13vbb3yd02j09vfxm",
        Hashes.hashFile(HashAlgo.SHA256, corpus.resolve("data")).toNix32());
    assertEquals(
        "1yhm3gwvg5a41yylymgblsclk95fs6jy72w0wv925mmidlhcq4sw",
        Nar.hash(corpus, HashAlgo.SHA256, (p, t) -> p.getFileName().toString().equals("data"))
            .toNix32());
  }

  @Test
  void makeFixedOutputPath_rejectsReferences_whenNotRecursiveSha256() {
    StoreException e =
        assertThrows(
            StoreException.class,
            () ->
                STORE.makeFixedOutputPath(
                    "f", false, Hash.zero(HashAlgo.SHA256), Set.of(FILE_TXT)));
    assertTrue(
        e.getMessage()
            .startsWith(
                "fixed output derivation 'f' is not allowed to refer to other store paths."));
  }

  @Test
  void makeStorePath_reportsInvalidName_withPathAndReason() {
    StoreException e =
        assertThrows(StoreException.class, () -> STORE.makeTextPath("a~b", "x", Set.of()));
    assertTrue(
        e.getMessage()
            .matches(
                "path '[0-9a-z]{32}-a~b' is not a valid store path: "
                    + "name 'a~b' contains illegal character '~'"),
        e.getMessage());
  }

  @Test
  void checkName_acceptsAllowedCharacters() {
    StorePaths.checkName("Az09+-._?=");
    StorePaths.checkName(".foo");
    StorePaths.checkName("-a");
    StorePaths.checkName("x".repeat(211));
  }

  @Test
  void checkName_rejectsIllegalCharacter() {
    assertEquals("name '~jiggle~' contains illegal character '~'", nameError("~jiggle~"));
  }

  @Test
  void checkName_rejectsEmptyName() {
    assertEquals("name must not be empty", nameError(""));
  }

  @Test
  void checkName_rejectsOverlongName() {
    assertEquals(
        "name '" + "x".repeat(212) + "' must be no longer than 211 characters",
        nameError("x".repeat(212)));
  }

  @Test
  void checkName_rejectsDotAndDotDot() {
    assertEquals("name '.' is not valid", nameError("."));
    assertEquals("name '..' is not valid", nameError(".."));
    assertEquals(
        "name '.-x' is not valid: first dash-separated component must not be '.'",
        nameError(".-x"));
    assertEquals(
        "name '..-x' is not valid: first dash-separated component must not be '..'",
        nameError("..-x"));
  }

  @Test
  void baseName_ignoresTrailingSlash() {
    assertEquals("dir", StorePaths.baseName("/a/b/dir/"));
    assertEquals("file.txt", StorePaths.baseName("/a/file.txt"));
    assertEquals("", StorePaths.baseName("/"));
  }

  @Test
  void isStorePath_requiresHashAndName() {
    assertTrue(STORE.isStorePath(FILE_TXT));
    assertFalse(STORE.isStorePath(FILE_TXT + "/sub"));
    assertFalse(STORE.isStorePath("/nix/store/eeee-x"));
    assertFalse(STORE.isStorePath("/tmp/qjqcrhqkjmdgv3yqcgcd9fa7qi234hga-file.txt"));
  }

  @Test
  void toStorePath_stripsSubpath() {
    assertEquals(FILE_TXT, STORE.toStorePath(FILE_TXT + "/bin/x"));
    assertTrue(STORE.isInStore(FILE_TXT + "/bin/x"));
  }

  @Test
  void toStorePath_fails_outsideStore() {
    StoreException e = assertThrows(StoreException.class, () -> STORE.toStorePath("/tmp/x"));
    assertEquals("path '/tmp/x' is not in the Nix store", e.getMessage());
  }

  @Test
  void nameOfAndHashPartOf_splitBaseName() {
    assertEquals("file.txt", StorePaths.nameOf(FILE_TXT));
    assertEquals("qjqcrhqkjmdgv3yqcgcd9fa7qi234hga", StorePaths.hashPartOf(FILE_TXT));
  }

  private static Hash sha256(String s) {
    return Hash.parseAny(s, HashAlgo.SHA256);
  }

  private static String nameError(String name) {
    return assertThrows(StoreException.class, () -> StorePaths.checkName(name)).getMessage();
  }
}
