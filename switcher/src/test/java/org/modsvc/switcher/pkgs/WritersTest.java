package org.modsvc.switcher.pkgs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.store.StoreObject;
import org.modsvc.nix.value.NixString;
import org.modsvc.nix.value.Thunk;

class WritersTest {
  @TempDir Path tmp;
  private PkgsFixture f;

  @BeforeEach
  void setUp() throws Exception {
    f = new PkgsFixture(List.of(PkgsFixture.binDir(tmp.resolve("usr"), "bash")));
  }

  /**
   * Evaluates a writer call to its store path and returns the one file the store recorded for it.
   */
  private StoreObject.TextFile written(String expr) {
    String path = ((NixString) Thunk.force(f.value("\"${" + expr + "}\""))).value();
    assertTrue(path.matches("/var/lib/modsvc/store/[0-9a-z]{32}-[^/]+"), path);
    return f.store.objects().stream()
        .filter(o -> o.storePath().equals(path))
        .map(o -> assertInstanceOf(StoreObject.TextFile.class, o))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void writeText_addsPlainFile_atToFilePath() {
    StoreObject.TextFile t = written("pkgs.writeText \"app.conf\" \"port = 1\\n\"");
    assertEquals(
        new StoreObject.TextFile(t.storePath(), "", "port = 1\n", false, new java.util.TreeSet<>()),
        t);
    assertTrue(t.storePath().endsWith("-app.conf"), t.storePath());
    assertEquals(
        "\"" + t.storePath() + "\"", f.eval("builtins.toFile \"app.conf\" \"port = 1\\n\""));
  }

  @Test
  void writeTextFile_honoursExecutableAndDestination() {
    StoreObject.TextFile t =
        written(
            "pkgs.writeTextFile { name = \"tool\"; text = \"x\"; executable = true; destination = \"/libexec/tool\"; }");
    assertEquals("libexec/tool", t.destination());
    assertTrue(t.executable());
  }

  @Test
  void writeTextFile_rejectsRelativeDestination() {
    EvalException e =
        assertThrows(
            EvalException.class,
            () ->
                f.eval(
                    "\"${pkgs.writeTextFile { name = \"x\"; text = \"\"; destination = \"bin/x\"; }}\""));
    assertTrue(e.getMessage().contains("destination must be an absolute path"), e.getMessage());
  }

  @Test
  void writeScript_isExecutableAtRoot() {
    StoreObject.TextFile t = written("pkgs.writeScript \"run\" \"#!/bin/sh\\necho\\n\"");
    assertEquals("", t.destination());
    assertTrue(t.executable());
  }

  @Test
  void writeShellScript_startsWithHostBash() {
    StoreObject.TextFile t = written("pkgs.writeShellScript \"run\" \"echo hi\"");
    // The host's bash through its package tree, which the script references (so it is kept with
    // it).
    String bashTree = f.eval("pkgs.bash.outPath").replace("\"", "");
    assertEquals("#!" + bashTree + "/bin/bash\necho hi", t.text());
    assertEquals(java.util.Set.of(bashTree), t.references());
    assertTrue(t.executable());
  }

  @Test
  void writeShellScriptBin_putsScriptInBin_andSetsMainProgram() {
    StoreObject.TextFile t = written("pkgs.writeShellScriptBin \"hello\" \"echo hi\"");
    assertEquals("bin/hello", t.destination());
    assertTrue(t.executable());
    assertEquals(
        "\"" + t.storePath() + "/bin/hello\"",
        f.eval(
            "let d = pkgs.writeShellScriptBin \"hello\" \"echo hi\"; in \"${d}/bin/${d.meta.mainProgram}\""));
  }

  @Test
  void writeScriptBin_keepsTextAsIs() {
    StoreObject.TextFile t = written("pkgs.writeScriptBin \"py\" \"#!/usr/bin/python3\\n\"");
    assertEquals("#!/usr/bin/python3\n", t.text());
    assertEquals("bin/py", t.destination());
  }

  @Test
  void writeTextDir_namesStorePathAfterFile_andKeepsDirectories() {
    StoreObject.TextFile t = written("pkgs.writeTextDir \"share/doc/readme\" \"hi\"");
    assertEquals("share/doc/readme", t.destination());
    assertTrue(t.storePath().endsWith("-readme"), t.storePath());
  }

  @Test
  void concatText_joinsFilesInOrder() {
    StoreObject.TextFile t =
        written(
            "pkgs.concatText \"both\" [ (pkgs.writeText \"a\" \"A\\n\") (pkgs.writeText \"b\" \"B\\n\") ]");
    assertEquals("A\nB\n", t.text());
  }

  @Test
  void writerResult_isDerivationShaped() {
    assertEquals(
        "[ \"derivation\" \"x\" true ]",
        f.eval("let d = pkgs.writeText \"x\" \"\"; in [ d.type d.name (d.out == d) ]"));
  }

  @Test
  void referencedStorePaths_becomeReferences() {
    String inner =
        ((NixString) Thunk.force(f.value("\"${pkgs.writeText \"inner\" \"i\"}\""))).value();
    StoreObject.TextFile t =
        written("pkgs.writeText \"outer\" \"see ${pkgs.writeText \"inner\" \"i\"}\"");
    assertEquals(java.util.Set.of(inner), t.references());
  }

  @Test
  void storePath_carriesItselfAsContext() {
    NixString s = (NixString) Thunk.force(f.value("\"${pkgs.writeText \"x\" \"y\"}\""));
    assertEquals(java.util.Set.of(s.value()), s.context());
  }

  @Test
  void readFile_readsWrittenFile_inSameEvaluation() {
    assertEquals(
        "\"echo hi\"",
        f.eval("builtins.readFile \"${pkgs.writeScriptBin \"t\" \"echo hi\"}/bin/t\""));
  }
}
