package org.modsvc.switcher.pkgs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    assertEquals(List.of(Path.of("/usr/bin"), Path.of("/bin")), PathSearch.of("/usr/bin::/bin").dirs());
  }

  @Test
  void prefixOf_ignoresDirectoriesNotNamedBin() throws Exception {
    Path other = Files.createDirectories(tmp.resolve("opt/tools"));
    Files.copy(PkgsFixture.binDir(tmp.resolve("x"), "t").resolve("t"), other.resolve("t"),
        java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
    assertEquals(Optional.empty(), new PathSearch(List.of(other)).prefixOf("t"));
  }

  @Test
  void prefixOf_rejectsNamesWithSlashes() throws Exception {
    Path bin = PkgsFixture.binDir(tmp.resolve("p"), "t");
    assertEquals(Optional.empty(), new PathSearch(List.of(bin)).prefixOf("../bin/t"));
    assertTrue(new PathSearch(List.of(bin)).notFoundMessage("x", "../bin/t").contains("is not a program name"));
  }
}
