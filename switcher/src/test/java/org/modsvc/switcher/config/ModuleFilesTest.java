package org.modsvc.switcher.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modsvc.switcher.build.BuildException;

class ModuleFilesTest {
  @TempDir Path dir;

  @Test
  void of_listsNixFilesDirectlyInsideSortedByName_skippingSubdirsHiddenAndOtherFiles() throws Exception {
    Files.writeString(dir.resolve("b.nix"), "{}");
    Files.writeString(dir.resolve("a.nix"), "{}");
    Files.writeString(dir.resolve(".hidden.nix"), "{}");
    Files.writeString(dir.resolve("notes.txt"), "");
    Files.createDirectories(dir.resolve("lib.nix"));
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/c.nix"), "{}");
    assertEquals(List.of(dir.resolve("a.nix"), dir.resolve("b.nix")), ModuleFiles.of(dir));
  }

  @Test
  void of_acceptsOneFile() throws Exception {
    Path f = Files.writeString(dir.resolve("one.nix"), "{}");
    assertEquals(List.of(f), ModuleFiles.of(f));
  }

  @Test
  void of_missingPath_isAClearError() {
    BuildException e = assertThrows(BuildException.class, () -> ModuleFiles.of(dir.resolve("nope")));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }
}
