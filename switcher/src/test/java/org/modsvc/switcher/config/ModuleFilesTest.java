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
  void of_listsNixFilesDirectlyInsideSortedByName_skippingSubdirsHiddenAndOtherFiles()
      throws Exception {
    Files.writeString(dir.resolve("b.nix"), "{}");
    Files.writeString(dir.resolve("a.nix"), "{}");
    Files.writeString(dir.resolve(".hidden.nix"), "{}");
    Files.writeString(dir.resolve("notes.txt"), "");
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/c.nix"), "{}");
    assertEquals(List.of(dir.resolve("a.nix"), dir.resolve("b.nix")), ModuleFiles.of(dir));
  }

  @Test
  void of_aDanglingLinkIsAnErrorNamingIt_notSkipped() throws Exception {
    Files.writeString(dir.resolve("a.nix"), "{}");
    Files.createSymbolicLink(dir.resolve("b.nix"), dir.resolve("missing-mount/b.nix"));
    BuildException e = assertThrows(BuildException.class, () -> ModuleFiles.of(dir));
    assertTrue(
        e.getMessage().contains(dir.resolve("b.nix") + " cannot be read")
            && e.getMessage().contains("does not exist"),
        e.getMessage());
  }

  @Test
  void of_aLinkLoopIsAnErrorNamingIt() throws Exception {
    Files.createSymbolicLink(dir.resolve("a.nix"), dir.resolve("b.nix"));
    Files.createSymbolicLink(dir.resolve("b.nix"), dir.resolve("a.nix"));
    BuildException e = assertThrows(BuildException.class, () -> ModuleFiles.of(dir));
    assertTrue(
        e.getMessage().contains(dir.resolve("a.nix") + " cannot be read: it is a loop"),
        e.getMessage());
  }

  @Test
  void of_aDirectoryNamedDotNixIsAnError() throws Exception {
    Files.createDirectories(dir.resolve("lib.nix"));
    BuildException e = assertThrows(BuildException.class, () -> ModuleFiles.of(dir));
    assertTrue(
        e.getMessage().contains(dir.resolve("lib.nix") + " is not a regular file (a directory)"),
        e.getMessage());
  }

  @Test
  void of_aLinkToARegularFileIsFollowed() throws Exception {
    Path target = Files.writeString(dir.resolve("shared.txt"), "{}");
    Files.createSymbolicLink(dir.resolve("a.nix"), target);
    assertEquals(List.of(dir.resolve("a.nix")), ModuleFiles.of(dir));
  }

  @Test
  void of_acceptsOneFile() throws Exception {
    Path f = Files.writeString(dir.resolve("one.nix"), "{}");
    assertEquals(List.of(f), ModuleFiles.of(f));
  }

  @Test
  void of_missingPath_isAClearError() {
    BuildException e =
        assertThrows(BuildException.class, () -> ModuleFiles.of(dir.resolve("nope")));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }
}
