package org.modsvc.switcher.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @TempDir Path dir;

  @Test
  void writeFile_setsExactModeRegardlessOfUmask() throws IOException {
    Path f = dir.resolve("a.service");
    AtomicFiles.writeFile(f, "x".getBytes(StandardCharsets.UTF_8), 0640);
    assertEquals(0640, FileModes.toMode(Files.getPosixFilePermissions(f)));
    AtomicFiles.writeFile(f, "x".getBytes(StandardCharsets.UTF_8), 0755);
    assertEquals(0755, FileModes.toMode(Files.getPosixFilePermissions(f)));
  }

  @Test
  void writeFile_replacesContentAndLeavesNoTemporaryFile() throws IOException {
    Path f = dir.resolve("a.service");
    AtomicFiles.writeFile(f, "old".getBytes(StandardCharsets.UTF_8), 0644);
    AtomicFiles.writeFile(f, "new".getBytes(StandardCharsets.UTF_8), 0644);
    assertArrayEquals("new".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(f));
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(1, s.count());
    }
  }

  @Test
  void replaceSymlink_swapsTargetOfExistingLink() throws IOException {
    Path link = dir.resolve("conf");
    AtomicFiles.replaceSymlink(link, "/store/aaa-conf");
    AtomicFiles.replaceSymlink(link, "/store/bbb-conf");
    assertEquals(Path.of("/store/bbb-conf"), Files.readSymbolicLink(link));
  }

  @Test
  void replaceSymlink_replacesRegularFile() throws IOException {
    Path link = dir.resolve("conf");
    Files.writeString(link, "plain");
    AtomicFiles.replaceSymlink(link, "target");
    assertTrue(Files.isSymbolicLink(link));
  }

  @Test
  void removeEmptyDirectory_keepsDirectoryWithContent() throws IOException {
    Path d = Files.createDirectory(dir.resolve("d"));
    Files.writeString(d.resolve("foreign"), "x");
    assertEquals(false, AtomicFiles.removeEmptyDirectory(d));
    assertTrue(Files.isDirectory(d));
  }
}
