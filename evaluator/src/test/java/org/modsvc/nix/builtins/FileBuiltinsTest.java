package org.modsvc.nix.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.modsvc.nix.builtins.NixTestSupport.eval;
import static org.modsvc.nix.builtins.NixTestSupport.evalError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * File-system builtins over a small fixture directory {@code src/} with {@code a.txt} ("hello\n")
 * and {@code sub/b.txt} ("b"). Store paths depend only on names and contents, so the expected ones
 * were computed by Nix 2.8 over an identical fixture.
 */
class FileBuiltinsTest {
  @TempDir Path tmp;
  private String src;

  @BeforeEach
  void createFixture() throws IOException {
    Path dir = tmp.resolve("src");
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("a.txt"), "hello\n");
    Files.writeString(dir.resolve("sub/b.txt"), "b");
    src = dir.toString();
  }

  @Test
  void readFile_returnsContents() {
    assertEquals("\"hello\\n\"", eval("builtins.readFile " + src + "/a.txt"));
  }

  @Test
  void readFile_acceptsAbsoluteString() {
    assertEquals("\"b\"", eval("builtins.readFile \"" + src + "/sub/b.txt\""));
  }

  @Test
  void readFile_readsTextAddedToStore() {
    assertEquals("\"x\"", eval("builtins.readFile (builtins.toFile \"f\" \"x\")"));
  }

  @Test
  void readFile_failsForMissingFile() {
    assertEquals(
        "path '" + src + "/nope' does not exist", evalError("builtins.readFile " + src + "/nope"));
  }

  // Special files never end (/dev/zero) or block (a FIFO): reading one filled the heap (issue 17,
  // defect 6).
  @Test
  @Timeout(30)
  void readFile_refusesACharacterDevice() {
    assertEquals(
        "file '/dev/zero' has an unsupported type (not a regular file or directory)",
        evalError("builtins.readFile \"/dev/zero\""));
  }

  @Test
  @Timeout(30)
  void import_refusesACharacterDevice() {
    assertEquals(
        "file '/dev/urandom' has an unsupported type (not a regular file or directory)",
        evalError("import /dev/urandom"));
  }

  @Test
  @Timeout(30)
  void readFile_refusesAFifo_throughALink() throws Exception {
    Path fifo = tmp.resolve("fifo");
    assumeTrue(
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo unavailable");
    Path link = Files.createSymbolicLink(tmp.resolve("link"), fifo);
    assertEquals(
        "file '" + link + "' has an unsupported type (not a regular file or directory)",
        evalError("builtins.readFile " + link));
    assertEquals(
        "file '" + link + "' has an unsupported type (not a regular file or directory)",
        evalError("builtins.hashFile \"sha256\" " + link));
    assertEquals(
        "file '" + link + "' has an unsupported type (not a regular file or directory)",
        evalError("builtins.path { path = " + link + "; recursive = false; }"));
  }

  @Test
  void readFile_rejectsRelativeString() {
    assertEquals(
        "string 'foo' doesn't represent an absolute path", evalError("builtins.readFile \"foo\""));
  }

  @Test
  void pathExists_trueAndFalse() {
    assertEquals(
        "[ true true false ]",
        eval(
            "[ (builtins.pathExists "
                + src
                + "/a.txt) (builtins.pathExists \""
                + src
                + "/sub\") (builtins.pathExists "
                + src
                + "/nope) ]"));
  }

  @Test
  void pathExists_trailingSlashRequiresDirectory() {
    assertEquals(
        "[ false true ]",
        eval(
            "[ (builtins.pathExists \""
                + src
                + "/a.txt/\") (builtins.pathExists \""
                + src
                + "/sub/\") ]"));
  }

  @Test
  void pathExists_rejectsRelativeString() {
    assertEquals(
        "string 'a' doesn't represent an absolute path", evalError("builtins.pathExists \"a\""));
  }

  @Test
  void readFileType_namesKinds() {
    assertEquals(
        "[ \"regular\" \"directory\" ]",
        eval(
            "[ (builtins.readFileType "
                + src
                + "/a.txt) (builtins.readFileType "
                + src
                + "/sub) ]"));
  }

  @Test
  void readFileType_failsForMissingPath() {
    assertEquals(
        "path '" + src + "/nope' does not exist",
        evalError("builtins.readFileType " + src + "/nope"));
  }

  @Test
  void readDir_listsEntriesWithTypes() {
    assertEquals(
        "{ \"a.txt\" = \"regular\"; sub = \"directory\"; }", eval("builtins.readDir " + src));
  }

  @Test
  void readDir_failsForMissingPath() {
    assertEquals(
        "path '" + src + "/nope' does not exist", evalError("builtins.readDir " + src + "/nope"));
  }

  @Test
  void toPath_canonicalisesAndStaysAString() {
    assertEquals(
        "[ \"/a/c\" \"string\" ]",
        eval("let p = builtins.toPath \"/a/b/../c/\"; in [ p (builtins.typeOf p) ]"));
  }

  @Test
  void toPath_rejectsRelative() {
    assertEquals(
        "string 'foo' doesn't represent an absolute path", evalError("builtins.toPath \"foo\""));
  }

  @Test
  void storePath_addsContext() {
    assertEquals(
        "true",
        eval(
            "builtins.hasContext (builtins.storePath \"/nix/store/x93g3gvygaiq7h4b6zls3w7l5az1y526-f\")"));
  }

  @Test
  void storePath_rejectsPathOutsideStore() {
    assertEquals(
        "path '/tmp/x' is not in the Nix store", evalError("builtins.storePath \"/tmp/x\""));
  }

  @Test
  void toFile_returnsContentAddressedPathWithContext() {
    assertEquals(
        "[ \"/nix/store/x93g3gvygaiq7h4b6zls3w7l5az1y526-f\" true ]",
        eval("let p = builtins.toFile \"f\" \"x\"; in [ p (builtins.hasContext p) ]"));
  }

  @Test
  void toFile_rejectsDerivationReference() {
    assertEquals(
        "files created by builtins.toFile may not reference derivations, but a references "
            + "=/nix/store/7g5giqf764p3y3zv7a8rqsy9sqqq5kw4-a.drv",
        evalError(
            "builtins.toFile \"a\" "
                + "(derivation { name = \"a\"; builder = \"/bin/sh\"; system = \"x86_64-linux\"; }).drvPath"));
  }

  @Test
  void toFile_rejectsInvalidName() {
    assertEquals("expected a string but found an integer: 1", evalError("builtins.toFile 1 \"x\""));
  }

  @Test
  void path_addsDirectoryRecursively() {
    assertEquals(
        "\"/nix/store/nx08clak48gxm0wskb0qygfn4z54il6n-src\"",
        eval("builtins.path { path = " + src + "; }"));
  }

  @Test
  void path_usesGivenName() {
    assertEquals(
        "\"/nix/store/6cabphf66xxjy4wmk85yfayq0ay9c6h7-x\"",
        eval("builtins.path { path = " + src + "; name = \"x\"; }"));
  }

  @Test
  void path_flatFile() {
    assertEquals(
        "\"/nix/store/fdwm55r4skpypx1gwzb7x69ckav1rv09-a.txt\"",
        eval("builtins.path { path = " + src + "/a.txt; recursive = false; }"));
  }

  @Test
  void path_rejectsUnknownArgument() {
    assertEquals(
        "unsupported argument 'foo' to 'builtins.path'",
        evalError("builtins.path { path = " + src + "; foo = 1; }"));
  }

  @Test
  void path_failsForMissingPath() {
    assertEquals(
        "path '" + src + "/nope' does not exist",
        evalError("builtins.path { path = " + src + "/nope; }"));
  }

  @Test
  void path_requiresPathAttribute() {
    assertEquals(
        "missing required 'path' attribute in the first argument to 'builtins.path'",
        evalError("builtins.path { name = \"x\"; }"));
  }

  @Test
  void filterSource_appliesFilter() {
    assertEquals(
        "\"/nix/store/rinsx2yx5i934rlm3yfbsnri53waz6ag-src\"",
        eval("builtins.filterSource (p: t: t != \"directory\") " + src));
  }

  @Test
  void filterSource_passesPathsAndTypes() {
    assertEquals(
        "[ \"regular\" \"directory\" ]",
        eval(
            "let seen = builtins.filterSource (p: t: "
                + "if baseNameOf p == \"a.txt\" then t == \"regular\" || throw \"bad a\" "
                + "else if baseNameOf p == \"sub\" then t == \"directory\" || throw \"bad sub\" else true) "
                + src
                + "; in builtins.seq seen [ (builtins.readFileType "
                + src
                + "/a.txt) (builtins.readFileType "
                + src
                + "/sub) ]"));
  }

  @Test
  void filterSource_rejectsNonFunction() {
    assertEquals(
        "expected a function but found an integer: 1", evalError("builtins.filterSource 1 " + src));
  }

  @Test
  void pathInterpolation_copiesToStore() {
    assertEquals("\"/nix/store/nx08clak48gxm0wskb0qygfn4z54il6n-src\"", eval("\"${" + src + "}\""));
  }

  @Test
  void hashFile_hashesContents() {
    assertEquals(
        "\"5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03\"",
        eval("builtins.hashFile \"sha256\" " + src + "/a.txt"));
  }

  @Test
  void hashFile_failsForMissingFile() {
    assertEquals(
        "path '" + src + "/nope' does not exist",
        evalError("builtins.hashFile \"sha256\" " + src + "/nope"));
  }

  @Test
  void import_evaluatesFileAndDirectoryDefault() throws IOException {
    Files.writeString(tmp.resolve("src/default.nix"), "{ x = 1 + 1; }");
    Files.writeString(tmp.resolve("src/f.nix"), "y: y * 3");
    assertEquals("[ 2 6 ]", eval("[ (import " + src + ").x (import " + src + "/f.nix 2) ]"));
  }

  @Test
  void import_resolvesRelativePathsAgainstTheFile() throws IOException {
    Files.writeString(tmp.resolve("src/sub/g.nix"), "builtins.readFile ./b.txt");
    assertEquals("\"b\"", eval("import " + src + "/sub/g.nix"));
  }

  @Test
  void import_failsForMissingFile() {
    assertEquals(
        "path '" + src + "/nope.nix' does not exist", evalError("import " + src + "/nope.nix"));
  }

  @Test
  void scopedImport_overridesFreeVariables() throws IOException {
    Files.writeString(tmp.resolve("src/s.nix"), "[ x (builtins.length [ 1 ]) ]");
    assertEquals("[ 42 1 ]", eval("scopedImport { x = 42; } " + src + "/s.nix"));
  }

  @Test
  void scopedImport_rejectsNonSetScope() {
    assertEquals(
        "expected a set but found an integer: 1", evalError("scopedImport 1 " + src + "/a.txt"));
  }

  @Test
  void findFile_resolvesAgainstSearchPath() {
    assertEquals(
        src + "/sub/b.txt",
        eval("builtins.findFile [ { prefix = \"p\"; path = \"" + src + "\"; } ] \"p/sub/b.txt\""));
  }

  @Test
  void findFile_failsWhenNotFound() {
    assertEquals(
        "file 'q/x' was not found in the Nix search path (add it using $NIX_PATH or -I)",
        evalError("builtins.findFile [ { prefix = \"p\"; path = \"" + src + "\"; } ] \"q/x\""));
  }

  @Test
  void angleBrackets_useFindFileOverNixPath() {
    assertEquals(
        src + "/a.txt",
        eval("let __nixPath = [ { prefix = \"\"; path = \"" + src + "\"; } ]; in <a.txt>"));
  }
}
