package org.modsvc.switcher.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write that fills the disk names the file it was writing, and leaves no temporary behind. */
class DiskFullTest {

  @TempDir Path tmp;

  private Path small;

  @BeforeEach
  void mountSmallFileSystem() throws Exception {
    small = Files.createDirectory(tmp.resolve("small"));
    int rc;
    try {
      rc =
          new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", small.toString())
              .redirectErrorStream(true)
              .start()
              .waitFor();
    } catch (IOException noMount) {
      rc = -1;
    }
    Assumptions.assumeTrue(
        rc == 0, "needs to mount a 64 KiB tmpfs (root, mount(8)) to fill a disk");
  }

  @AfterEach
  void unmount() throws Exception {
    new ProcessBuilder("umount", small.toString()).start().waitFor();
  }

  @Test
  void diskFull_errorNamesTheFile() throws IOException {
    Path target = small.resolve("big.service");
    IOException e =
        assertThrows(
            IOException.class, () -> AtomicFiles.writeFile(target, new byte[1 << 20], 0644));
    String message = IoErrors.describe(e);
    assertTrue(message.contains(target.toString()), message);
    assertTrue(message.contains("No space left on device"), message);
    assertFalse(Files.exists(target));
    try (Stream<Path> s = Files.list(small)) {
      assertEquals(List.of(), s.toList(), "the temporary is removed");
    }
  }
}
