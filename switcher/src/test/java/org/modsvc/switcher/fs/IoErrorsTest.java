package org.modsvc.switcher.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoErrorsTest {
  @TempDir Path tmp;

  @Test
  void namesThePathAndTheReason_whereJavaKeepsTheReasonInTheExceptionType() {
    assertEquals(
        "/run/modsvc/lock: permission denied (EACCES)",
        IoErrors.describe(new AccessDeniedException("/run/modsvc/lock")));
    assertEquals(
        "/a -> /b: no such file or directory (ENOENT)",
        IoErrors.describe(new NoSuchFileException("/a", "/b", null)));
  }

  @Test
  void keepsTheReasonTheExceptionGives() {
    assertEquals(
        "/x: Read-only file system",
        IoErrors.describe(new FileSystemException("/x", null, "Read-only file system")));
    assertEquals("disk on fire", IoErrors.describe(new IOException("disk on fire")));
  }

  @Test
  void describesARealFailure() {
    Path missing = tmp.resolve("missing");
    IOException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IOException.class, () -> Files.readString(missing));
    assertEquals(missing + ": no such file or directory (ENOENT)", IoErrors.describe(e));
  }

  @Test
  void writeErrorWithoutAFile_isGivenOne() {
    IOException named =
        IoErrors.naming(
            Path.of("/etc/x"), "cannot write", new IOException("No space left on device"));
    assertEquals("/etc/x: cannot write: No space left on device", IoErrors.describe(named));
    assertEquals("permission denied (EACCES)", IoErrors.reason(new AccessDeniedException("/x")));
  }
}
