package org.modsvc.switcher.pkgs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathSearchTest {
  @TempDir Path tmp;

  @Test
  void of_splitsPathVariable_skippingEmptyEntries() {
    assertEquals(
        List.of(Path.of("/usr/bin"), Path.of("/bin")), PathSearch.of("/usr/bin::/bin").dirs());
  }

  @Test
  void find_takesTheFirstDirectoryHoldingTheProgram_whateverItIsCalled() throws Exception {
    Path sbin = PkgsFixture.programDir(tmp.resolve("usr/sbin"), "tlshd");
    Path bin = PkgsFixture.binDir(tmp.resolve("usr"), "tlshd");
    assertEquals(
        Optional.of(sbin.resolve("tlshd")), new PathSearch(List.of(sbin, bin)).find("tlshd"));
  }

  @Test
  void find_skipsFilesThatAreNotExecutable() throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Files.writeString(bin.resolve("doc"), "not a program");
    assertEquals(Optional.empty(), new PathSearch(List.of(bin)).find("doc"));
  }

  @Test
  void find_rejectsNamesWithSlashes() throws Exception {
    Path bin = PkgsFixture.binDir(tmp.resolve("p"), "t");
    assertEquals(Optional.empty(), new PathSearch(List.of(bin)).find("../bin/t"));
  }
}
