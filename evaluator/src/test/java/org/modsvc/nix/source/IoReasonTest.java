package org.modsvc.nix.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 defect 10: an I/O error says why ("cannot read 'X': X" said the path twice and never the
 * reason).
 */
class IoReasonTest {
  @Test
  void javasFileExceptions_carryTheirReasonInTheirType_andItIsSaid() {
    assertEquals(
        "permission denied (EACCES)",
        IoReason.of(new AccessDeniedException("/etc/modsvc/modules/a.nix")));
    assertEquals("no such file or directory (ENOENT)", IoReason.of(new NoSuchFileException("/x")));
    assertEquals(
        "too many levels of symbolic links (ELOOP)",
        IoReason.of(new FileSystemLoopException("/x")));
  }

  @Test
  void aReasonTheExceptionGives_isKept_andThePathIsNotRepeated() {
    assertEquals(
        "No space left on device",
        IoReason.of(new FileSystemException("/x", null, "No space left on device")));
    assertEquals("Input/output error", IoReason.of(new IOException("Input/output error")));
    assertEquals("IOException", IoReason.of(new IOException()));
  }
}
