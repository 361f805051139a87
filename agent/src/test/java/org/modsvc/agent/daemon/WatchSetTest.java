package org.modsvc.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchSetTest {
  @TempDir Path dir;

  @Test
  void moduleDirectory_nixFilesAndTheTreeCount_editorFilesDoNot() throws Exception {
    Files.writeString(dir.resolve("web.nix"), "{ }");
    Files.createDirectories(dir.resolve("lib"));
    Files.writeString(dir.resolve("lib/app.conf"), "x");
    WatchSet w = WatchSet.of(dir, Set.of());
    assertTrue(w.concerns(dir.resolve("web.nix")));
    assertTrue(w.concerns(dir.resolve("new.nix")), "a new module");
    assertTrue(w.concerns(dir.resolve("lib/app.conf")));
    assertTrue(w.concerns(dir.resolve("lib/other.nix")), "an entry of a subdirectory");
    assertFalse(w.concerns(dir.resolve(".web.nix.swp")));
    assertFalse(w.concerns(dir.resolve("web.nix~")));
    Files.writeString(dir.resolve("lib/.app.conf.swp"), "x");
    assertFalse(
        WatchSet.of(dir, Set.of()).concerns(dir.resolve("lib/.app.conf.swp")),
        "an editor's file in the tree");
    assertEquals(Set.of(dir, dir.resolve("lib")), w.watchedDirectories());
  }

  @Test
  void filesRead_outsideTheModuleDirectory_areWatchedThroughTheirDirectory() throws Exception {
    Path other = Files.createDirectories(dir.resolve("elsewhere"));
    Path modules = Files.createDirectories(dir.resolve("modules"));
    Path secret = Files.writeString(other.resolve("key.txt"), "k");
    Files.writeString(other.resolve("unrelated"), "u");
    WatchSet w = WatchSet.of(modules, Set.of(secret));
    assertTrue(w.concerns(secret));
    assertFalse(w.concerns(other.resolve("unrelated")));
    assertTrue(w.watchedDirectories().contains(other));
  }

  @Test
  void singleModuleFile_otherNixBesideItDoNotCount() throws Exception {
    Path web = Files.writeString(dir.resolve("web.nix"), "{ }");
    WatchSet w = WatchSet.of(web, Set.of());
    assertTrue(w.concerns(web));
    assertFalse(w.concerns(dir.resolve("db.nix")));
  }

  @Test
  void fingerprint_changesWithContentAndEntries_notWithATouch() throws Exception {
    Path web = Files.writeString(dir.resolve("web.nix"), "{ }");
    WatchSet w = WatchSet.of(dir, Set.of());
    InputFingerprint f = InputFingerprint.of(w);
    Files.setLastModifiedTime(web, java.nio.file.attribute.FileTime.fromMillis(0));
    assertTrue(f.matches(w));
    Files.writeString(web, "{ x = 1; }");
    assertFalse(f.matches(w));
    InputFingerprint g = InputFingerprint.of(w);
    Files.writeString(dir.resolve("db.nix"), "{ }");
    assertFalse(g.matches(w), "a new entry in the module directory");
  }

  @Test
  void fingerprint_newlyReadPaths_areUnknownUntilTheNextEvaluation() throws Exception {
    Files.writeString(dir.resolve("web.nix"), "{ }");
    Path extra = Files.writeString(Files.createDirectories(dir.resolve("x")).resolve("data"), "d");
    WatchSet before = WatchSet.of(dir.resolve("web.nix"), Set.of());
    WatchSet after = WatchSet.of(dir.resolve("web.nix"), Set.of(extra));
    InputFingerprint f = InputFingerprint.of(before).withUnknownFor(after);
    assertFalse(f.matches(after));
    assertTrue(InputFingerprint.of(after).matches(after));
  }
}
